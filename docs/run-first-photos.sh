#!/usr/bin/env bash
# The first photos of a run against later ones: `analyze --threads 1` over twelve copies of one 768 x 1024 phone
# photo, ROUNDS times, printing for each stage the first photo's time, the second's, and the median of the fourth
# onwards. With JAR_BEFORE set (a jar built from another commit, with its lib/ beside it), each round runs that jar
# first, interleaved, so that a change is measured side by side.
# Usage: [JAR_BEFORE=path.jar] docs/run-first-photos.sh [OUT_DIR] [ROUNDS]   (defaults: target/benchmarks, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/benchmarks}
rounds=${2:-3}
photos=${HASKI_PHOTOS:-${XDG_CACHE_HOME:-$HOME/.cache}/haski-public-photos}
dir="$out/first-photos"
mkdir -p "$dir"
for i in $(seq -w 1 12); do cp "$photos/phone_IMG-20191006-WA0002.jpg" "$dir/p$i.jpg"; done
jars=(target/haski-desktop.jar)
[ -n "${JAR_BEFORE:-}" ] && jars=("$JAR_BEFORE" target/haski-desktop.jar)
for round in $(seq "$rounds"); do
  for jar in "${jars[@]}"; do
    java -jar "$jar" analyze --threads 1 "$dir" 2>/dev/null | python3 -c '
import json, statistics, sys
rows = [json.loads(line)["timings_ms"] for line in sys.stdin if line.strip()]
stages = ("decode", "preprocess", "inference", "postprocess", "total")
print(f"round {sys.argv[1]} {sys.argv[2]}:", " | ".join(
    f"{s} {rows[0][s]:.1f} / {rows[1][s]:.1f} / {statistics.median(r[s] for r in rows[3:]):.1f}" for s in stages),
    "(ms: first / second / median of later; load", open("/proc/loadavg").read().split()[0] + ")")' "$round" "$jar" \
      | tee -a "$out/first-photos.txt"
  done
done
