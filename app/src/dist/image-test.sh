#!/usr/bin/env bash
# The image test (CI runs it after `mvn -Pdist package`): the image's launchers work with no JDK at all,
# JAVA_HOME unset and a PATH holding only what the launchers' shell lines use (no java anywhere on it).
# usage: app/src/dist/image-test.sh [IMAGE (default app/target/image)] [DEB (optional)]
set -euo pipefail
image="$(cd "${1:-$(dirname "${BASH_SOURCE[0]}")/../../target/image}" && pwd)"
deb="${2:-}"
bare="$(mktemp -d)"
trap 'rm -rf "$bare"' EXIT
for tool in sh dirname readlink; do ln -s "$(command -v "$tool")" "$bare/$tool"; done
samples="$image/lib/app/samples"
failures=0
check() { # what, expected exit code, command... (with the env variable STDERR: a pattern stderr's first line must match)
  local what="$1" want="$2"
  shift 2
  local got=0
  env -i PATH="$bare" HOME="$bare" "$@" > "$bare/out" 2> "$bare/err" || got=$?
  if [ "$got" = "$want" ] && { [ -z "${STDERR:-}" ] || head -n 1 "$bare/err" | grep -Eq "$STDERR"; }; then
    echo "image test ok: $what (exit $got): $(tail -n 1 "$bare/out")${STDERR:+$(head -n 1 "$bare/err")}"
  else
    echo "image test FAILED: $what: exit $got, wanted $want${STDERR:+, stderr matching $STDERR}" >&2
    tail -n 20 "$bare/out" "$bare/err" >&2
    failures=$((failures + 1))
  fi
}
check "bin/sessionlab run 01-tls13-ticket-timing.lab" 0 "$image/bin/sessionlab" run "$samples/01-tls13-ticket-timing.lab"
# Bouncy Castle from the image's unsigned jars, as a JCE provider and as the bc stack
check "bin/sessionlab run --stack bc compare/single-use.bc.lab" 0 "$image/bin/sessionlab" run "$samples/compare/single-use.bc.lab"
STDERR='^/.*/sessionlab\.aot:[0-9]+:[0-9]+: not UTF-8 text' \
  check "bin/sessionlab run of a binary file: a positioned message" 2 "$image/bin/sessionlab" run "$image/lib/app/sessionlab.aot"
check "bin/sessionlab-app --self-test" 0 "$image/bin/sessionlab-app" --self-test
if [ -n "$deb" ]; then
  listing="$(dpkg-deb -c "$deb")"
  for f in ./opt/sessionlab/bin/sessionlab ./opt/sessionlab/bin/sessionlab-app ./opt/sessionlab/lib/sessionlab-sessionlab-app.desktop \
      ./opt/sessionlab/lib/sessionlab-app.png ./opt/sessionlab/lib/app/samples/01-tls13-ticket-timing.lab; do
    if grep -q " $f\$" <<< "$listing"; then echo "image test ok: the .deb holds $f"; else echo "image test FAILED: the .deb lacks $f" >&2; failures=$((failures + 1)); fi
  done
  if dpkg-deb -I "$deb" postinst | grep -q '/usr/bin/sessionlab-app'; then echo "image test ok: the .deb puts both launchers on PATH"
  else echo "image test FAILED: the .deb's postinst does not link the launchers" >&2; failures=$((failures + 1)); fi
fi
[ "$failures" = 0 ] || { echo "image test: $failures failed" >&2; exit 1; }
