#!/usr/bin/env bash
# Measures how long the desktop app takes to show a result for a photo once the model is loaded: launches the real
# app (the jar, under a virtual X display) with the photo opened at start, RUNS times, and prints the app's own log
# figure "Result shown: file=NAME N ms after the request, model ready" of each launch and their median.
# The clock starts when the loaded model takes the request (a photo opened while the model still loads waits for
# it, and that wait is not counted) and stops when the result is in the window's model, one pulse (16 ms at most)
# before it is drawn. Each launch is a fresh JVM, so every figure is a first analysis with cold code: the worst case.
#
#   docs/measure-drop-to-result.sh [PHOTO] [RUNS]   (default: the 12 MP phone photo, 5 runs)
#
# Needs xvfb-run (apt-get install xvfb) and target/haski-desktop.jar (mvn -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
photo=${1:-${HASKI_PHOTOS:-$HOME/.cache/haski-public-photos}/phone_IMG_20200827_231612.jpg}
runs=${2:-5}
[ -f "$photo" ] || { echo "no photo at $photo" >&2; exit 2; }
[ -f target/haski-desktop.jar ] || { echo "target/haski-desktop.jar is missing: mvn -DskipTests package" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "needs xvfb-run: apt-get install xvfb" >&2; exit 2; }
name=$(basename "$photo")
figures=()
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  log=$data/logs/haski-desktop.log
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
    java -Dhaski.data.dir="$1" -jar target/haski-desktop.jar --open "$2" >"$1/app.out" 2>&1 &
    pid=$!
    for _ in $(seq 1 240); do
      grep -q "Result shown: file=" "$1/logs/haski-desktop.log" 2>/dev/null && break
      sleep 0.25
    done
    kill "$pid"; wait "$pid" || true' _ "$data" "$photo"
  ms=$(sed -n "s/.*Result shown: file=$name \([0-9]*\) ms after the request.*/\1/p" "$log" | head -n 1)
  [ -n "$ms" ] || { echo "run $run: no result was shown; see $data" >&2; exit 1; }
  echo "run $run: $ms ms"
  figures+=("$ms")
  rm -rf "$data"
done
printf '%s\n' "${figures[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms over " NR " runs"}'
