#!/usr/bin/env bash
# Writes the .deb's own resources into jpackage's --resource-dir ($1): the menu entry of the window, and
# maintainer scripts that also put both launchers on PATH (/usr/bin), which jpackage does not do.
set -euo pipefail
res="$1"
# jpackage names the entry's file after the package and the launcher: sessionlab-sessionlab-app.desktop
cat > "$res/sessionlab-app.desktop" <<'DESKTOP'
[Desktop Entry]
Name=TLS Session Lab
GenericName=TLS session explorer
Comment=Real TLS handshakes, and what happens inside the TLS library
Exec=/opt/sessionlab/bin/sessionlab-app %f
Icon=/opt/sessionlab/lib/sessionlab-app.png
Terminal=false
Type=Application
Categories=Education;Network;
Keywords=TLS;OpenSSL;session;ticket;
DESKTOP
cat > "$res/postinst" <<'POSTINST'
#!/bin/sh
set -e
case "$1" in
  configure)
    # xdg-desktop-menu needs a desktop's menu directories; without them the entry is installed directly
    xdg-desktop-menu install /opt/sessionlab/lib/sessionlab-sessionlab-app.desktop 2> /dev/null ||
      install -D -m 644 /opt/sessionlab/lib/sessionlab-sessionlab-app.desktop /usr/share/applications/sessionlab-sessionlab-app.desktop
    ln -sf /opt/sessionlab/bin/sessionlab /usr/bin/sessionlab
    ln -sf /opt/sessionlab/bin/sessionlab-app /usr/bin/sessionlab-app
    ;;
esac
exit 0
POSTINST
cat > "$res/prerm" <<'PRERM'
#!/bin/sh
set -e
case "$1" in
  remove|upgrade|deconfigure)
    xdg-desktop-menu uninstall /opt/sessionlab/lib/sessionlab-sessionlab-app.desktop 2> /dev/null || true
    rm -f /usr/share/applications/sessionlab-sessionlab-app.desktop
    for l in sessionlab sessionlab-app; do
      [ "$(readlink /usr/bin/$l 2>/dev/null)" = "/opt/sessionlab/bin/$l" ] && rm -f /usr/bin/$l
    done
    ;;
esac
exit 0
PRERM
chmod 755 "$res/postinst" "$res/prerm"
