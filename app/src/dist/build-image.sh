#!/usr/bin/env bash
# Builds the self-contained image (app/target/image) and the .deb (app/target/dist) with the JDK's
# jlink and jpackage. Run by `mvn -Pdist package` (see app/pom.xml) after the jars are in
# app/target/dist-input. Arguments: JAVA_HOME of the build JDK, the project version.
set -euo pipefail
jdk="$1"
version="$2"
app="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"   # the app module
top="$(cd "$app/.." && pwd)"
target="$app/target"
input="$target/dist-input"   # the jars (copied by Maven), then the samples
runtime="$target/dist-runtime"
image="$target/image"
dist="$target/dist"

say() { printf '[dist] %s\n' "$*"; }

# --- the runtime: only the modules the engine, JavaFX, ControlsFX and Monocle use ----------------
# (jdeps: java.base, java.desktop, java.naming, java.sql for the engine's libraries; JavaFX adds
# jdk.unsupported, java.logging, java.xml; bin/java stays: the app starts a child JVM for libssl runs)
rm -rf "$runtime" "$image" "$dist" "$target/dist-tmp"
say "jlink runtime"
"$jdk/bin/jlink" --add-modules java.base,java.desktop,java.logging,java.naming,java.sql,java.xml,java.prefs,java.management,jdk.unsupported,jdk.crypto.ec \
  --output "$runtime" --strip-debug --no-header-files --no-man-pages --generate-cds-archive

# --- the app image: two launchers over the same jars ----------------------------------------------
rm -rf "$input/samples"
cp "$target/sessionlab-app-$version.jar" "$input/"
cp -r "$top/samples" "$input/samples"
app_jar="sessionlab-app-$version.jar"
# Bouncy Castle's jars are signed: the JVM verifies every class it loads from them (~0.1 s at start)
# and the AOT cache cannot hold their classes. The image carries unsigned copies, the same classes
# (OpenJDK runs an unsigned JCE provider; the image test runs a bc lesson to prove it).
for jar in "$input"/bc*-jdk18on-*.jar; do
  rm -rf "$target/dist-unsign"
  mkdir -p "$target/dist-unsign/x"
  (cd "$target/dist-unsign/x" && "$jdk/bin/jar" xf "$jar")
  # the manifest's main section only (the per-entry digests belong to the signature)
  awk 'BEGIN{RS="\r?\n"} /^$/{exit} {print}' "$target/dist-unsign/x/META-INF/MANIFEST.MF" > "$target/dist-unsign/manifest"
  rm -f "$target/dist-unsign/x/META-INF/MANIFEST.MF" "$target/dist-unsign/x"/META-INF/*.{SF,RSA,DSA,EC}
  "$jdk/bin/jar" --create --file "$jar" --manifest "$target/dist-unsign/manifest" -C "$target/dist-unsign/x" .
done
rm -rf "$target/dist-unsign"
# $APPDIR is the image's lib/app, where the jars, the samples and the AOT caches live.
# (JavaFX 21 still calls sun.misc.Unsafe: allowed, so that no warning greets the user)
common=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+UseSerialGC)
cli_props="$target/dist-cli.properties"
{
  echo "main-class=sessionlab.cli.Main"
  echo "main-jar=$app_jar"
  echo "java-options=${common[*]}"
  echo "linux-shortcut=false"   # a terminal command: no menu entry
} > "$cli_props"
# (JavaFX is on the class path, so no --add-exports: they name modules, and there are none here)
# jpackage splits java-options at spaces: no option may contain one.
app_options=("${common[@]}" "-Dsessionlab.samples=\$APPDIR/samples" "-Dsessionlab.worker.aot=\$APPDIR/sessionlab-run.aot")
java_options=()
for o in "${app_options[@]}"; do java_options+=(--java-options "$o"); done
say "jpackage app image"
mkdir -p "$target/dist-tmp"
"$jdk/bin/jpackage" --type app-image --name sessionlab-app --app-version "${version%%-*}" \
  --dest "$target/dist-tmp" --runtime-image "$runtime" --input "$input" \
  --main-jar "$app_jar" --main-class sessionlab.app.Main "${java_options[@]}" \
  --add-launcher "sessionlab=$cli_props" --icon "$app/src/dist/sessionlab.png" \
  --description "TLS Session Lab: what happens inside the TLS library" --vendor "TLS Session Lab"
mv "$target/dist-tmp/sessionlab-app" "$image"
rm -rf "$target/dist-tmp"

# jpackage's native launchers ask rpm and dpkg which package owns them at every start (about 0.4 s
# here): shell launchers with the same options and class path replace them.
classpath_of() { # the class path a jpackage launcher was given, $APPDIR as $app
  grep '^app.classpath=' "$image/lib/app/$1.cfg" | sed 's/^app.classpath=\$APPDIR/$app/' | paste -sd: -
}
launcher() { # name, main class, JVM options...
  local name="$1" main="$2"
  shift 2
  {
    echo '#!/bin/sh'
    echo "# TLS Session Lab: $name (made by app/src/dist/build-image.sh)"
    echo 'here="$(dirname "$(readlink -f "$0")")/.."'
    echo 'app="$here/lib/app"'
    # the AOT cache (JDK 25: classes loaded and linked, profiles) written by the build's training run;
    # SESSIONLAB_AOT_OUTPUT makes a run a training run instead
    echo "aot=\"-XX:AOTCache=\$app/$name.aot\""
    echo '[ -n "$SESSIONLAB_AOT_OUTPUT" ] && aot="-XX:AOTCacheOutput=$SESSIONLAB_AOT_OUTPUT"'
    printf 'exec "$here/lib/runtime/bin/java"'
    for o in "$@"; do printf ' "%s"' "${o//\$APPDIR/\$app}"; done
    # the JVM's own warnings (say, a cache made by another JDK build) go to stderr, never into the output
    # SESSIONLAB_JAVA_OPTIONS: more JVM options, split at spaces (e.g. -Xmx4g)
    printf ' $aot -Xlog:disable -Xlog:all=warning:stderr $SESSIONLAB_JAVA_OPTIONS -cp "%s" %s "$@"\n' "$(classpath_of "$name")" "$main"
  } > "$image/bin/$name.sh"
  chmod 755 "$image/bin/$name.sh"
  mv "$image/bin/$name.sh" "$image/bin/$name"
}
launcher sessionlab sessionlab.cli.Main "${common[@]}"
launcher sessionlab-app sessionlab.app.Main "${app_options[@]}"

# --- training runs: the AOT caches of the CLI, the window and the libssl run process --------------
# (the JVM's notes on what it leaves out of a cache go to dist-training.log)
say "training the AOT caches"
lib="$image/lib/app"
training="$target/dist-training.log"
env -u JAVA_HOME -u JDK_JAVA_OPTIONS SESSIONLAB_AOT_OUTPUT="$lib/sessionlab.aot" \
  "$image/bin/sessionlab" run "$lib/samples/01-tls13-ticket-timing.lab" > /dev/null 2> "$training"
env -u JAVA_HOME -u JDK_JAVA_OPTIONS SESSIONLAB_AOT_OUTPUT="$lib/sessionlab-app.aot" \
  SESSIONLAB_JAVA_OPTIONS=-Dsessionlab.worker.train=true "$image/bin/sessionlab-app" --self-test 2>> "$training"
for a in sessionlab.aot sessionlab-app.aot sessionlab-run.aot; do
  [ -f "$lib/$a" ] || { echo "[dist] the training run made no $a (see $training)" >&2; exit 1; }
done

# --- the .deb: the same image under /opt/sessionlab, a menu entry, the launchers on PATH ----------
if command -v dpkg-deb > /dev/null && command -v fakeroot > /dev/null; then
  say "jpackage .deb"
  resources="$target/dist-resources"
  rm -rf "$resources"
  mkdir -p "$resources"
  cp "$app/src/dist/sessionlab.png" "$resources/sessionlab.png"
  "$app/src/dist/deb-scripts.sh" "$resources"
  "$jdk/bin/jpackage" --type deb --app-image "$image" --name sessionlab --app-version "${version%%-*}" \
    --dest "$dist" --resource-dir "$resources" --linux-package-name sessionlab --linux-shortcut \
    --linux-menu-group "Education;Network" --linux-app-category education --icon "$app/src/dist/sessionlab.png" \
    --description "TLS Session Lab: real TLS handshakes, and what happens inside the TLS library" \
    --vendor "TLS Session Lab" --linux-deb-maintainer "maintainers@sessionlab.invalid" \
    --linux-package-deps "libssl3, libgtk-3-0"
  ls -l "$dist"
else
  say "no dpkg-deb/fakeroot: the .deb is not built (apt-get install dpkg-dev fakeroot)"
fi
du -sh "$image"
