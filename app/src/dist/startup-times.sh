#!/usr/bin/env bash
# Start-up figures of a built image (min/median/max of N runs each):
#   the CLI: wall time of `bin/sessionlab run samples/01-tls13-ticket-timing.lab`, launch to exit;
#   the window: launch of `bin/sessionlab-app` to its first painted frame (-Dsessionlab.firstFrame=exit:
#   the app prints the wall-clock time at which the renderer finished that frame, then quits).
# The window needs a display: $DISPLAY, or xvfb-run (apt-get install xvfb) when there is none.
# usage: app/src/dist/startup-times.sh [IMAGE (default app/target/image)] [N (default 7)]
set -euo pipefail
image="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/target/image}"
n="${2:-7}"
lesson="$image/lib/app/samples/01-tls13-ticket-timing.lab"
now() { date +%s%3N; }
stats() { # label, figures in ms
  local label="$1"
  shift
  printf '%s\n' "$@" | sort -n | awk -v label="$label" -v n="$#" '
    { v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      printf "%-44s min %5d ms   median %5d ms   max %5d ms   (%d runs)\n", label, v[1], m, v[NR], n }'
}

env -u JAVA_HOME "$image/bin/sessionlab" run "$lesson" > /dev/null  # the disk cache, not the figures
cli=()
for _ in $(seq "$n"); do
  t0=$(now)
  env -u JAVA_HOME "$image/bin/sessionlab" run "$lesson" > /dev/null
  cli+=($(( $(now) - t0 )))
done
stats "CLI: sessionlab run 01-tls13-ticket-timing" "${cli[@]}"

display=()
if [ -z "${DISPLAY:-}" ]; then
  if command -v xvfb-run > /dev/null; then display=(xvfb-run -a -s "-screen 0 1280x720x24"); else
    echo "window: no display and no xvfb-run (apt-get install xvfb): not measured"; exit 0; fi
fi
# xvfb-run's own start is not the app's: the clock starts inside it, just before the launcher
probe='t0=$(date +%s%3N); env -u JAVA_HOME SESSIONLAB_JAVA_OPTIONS=-Dsessionlab.firstFrame=exit "$0" 2>/dev/null | sed -n "s/^first-frame-painted epoch-ms=//p" | { read -r t1; echo $((t1 - t0)); }'
app=()
for _ in $(seq "$n"); do
  app+=($("${display[@]}" sh -c "$probe" "$image/bin/sessionlab-app"))
done
stats "window: launch to first painted frame" "${app[@]}"
