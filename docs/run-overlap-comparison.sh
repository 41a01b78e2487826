#!/usr/bin/env bash
# Decoding ahead ("Overlap" in BENCHMARKS.md): `bench --backend onnx --repeat 1 --threads 2` (its throughput run
# measures 1 and 2 workers in one process) for each jar on each folder, the jars' order rotated every round so that
# none always runs first; then `analyze --threads 1` wall time on the decode-heavy folders, interleaved the same way.
# Each jar needs its lib/ beside it and the model packages in ../models, as `mvn package` leaves them.
# Folders: those docs/run-peer-comparison.sh builds (photos-208 and kind-*), in PEER_DIR.
# Usage: [PEER_DIR=/tmp/peerbench] docs/run-overlap-comparison.sh ROUNDS JAR...
set -euo pipefail
rounds=$1
shift
jars=("$@")
peer=${PEER_DIR:-/tmp/peerbench}
n=${#jars[@]}
echo "== $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), $(java -version 2>&1 | head -1)"
for round in $(seq "$rounds"); do
  for dir in "$peer"/photos-208 "$peer"/kind-baseline "$peer"/kind-progressive "$peer"/kind-wide-gamut \
      "$peer"/kind-png; do
    for k in $(seq 0 $((n - 1))); do
      jar=${jars[$(( (k + round) % n ))]}
      load=$(cut -d' ' -f1 /proc/loadavg)
      java -jar "$jar" bench --backend onnx --repeat 1 --threads 2 --json "$dir" 2>/dev/null | python3 -c '
import json, sys
rep = json.load(sys.stdin)
t = {x["threads"]: x["images_per_second"] for x in rep["results"][0]["throughput"]}
rss = rep["peak_memory"]["resident_bytes"] / 1e6
print(f"round {sys.argv[1]} {sys.argv[2]:<18} {sys.argv[3]}: 1 worker {t[1]:6.1f}  2 workers {t[2]:6.1f} photos/s"
      f"  load {sys.argv[4]}  peak rss {rss:.0f} MB")' \
        "$round" "$(basename "$dir")" "$jar" "$load"
    done
  done
  for dir in kind-baseline kind-progressive; do
    for k in $(seq 0 $((n - 1))); do
      jar=${jars[$(( (k + round) % n ))]}
      /usr/bin/time -f "round $round $dir x3 $jar: analyze --threads 1 wall %e s, cpu %P" \
        java -jar "$jar" analyze --threads 1 "$peer/$dir" "$peer/$dir" "$peer/$dir" 2>&1 >/dev/null | tail -1
    done
  done
done
