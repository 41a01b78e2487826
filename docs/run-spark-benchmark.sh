#!/usr/bin/env bash
# The Spark job's figures in docs/BENCHMARKS.md: throughput of `local[1]` and `local[2]` against `analyze --threads 1`
# and `--threads 2` on the same folder of 208 real photos, interleaved in two rounds (other builds may share the
# machine), and the executor's model load time. Needs target/haski-desktop.jar and target/haski-spark-job.jar
# (mvn -q -DskipTests package) and the public photos. Output in OUT_DIR (default target/benchmarks/spark).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/benchmarks/spark}
mkdir -p "$out"
folder="$out/photos-208"
[ -d "$folder" ] || docs/make-bench-folder.sh "$folder" 208 >/dev/null
{ nproc; grep -m1 'model name' /proc/cpuinfo; java -version 2>&1 | head -1; uptime; } | tee "$out/machine.txt"

wall() { # NAME COMMAND...: runs it, keeps its stderr, prints the wall time including JVM (and Spark) start
  local name=$1; shift
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>"$out/$name.err" || [ $? -eq 3 ]
  end=$(date +%s%N)
  printf '%-20s wall %6.1fs  %s\n' "$name" "$(( (end - start) / 1000000 ))e-3" \
    "$(grep -E 'Analysed [0-9]+ photos|photos listed' "$out/$name.err" | tail -1)" | tee -a "$out/results.txt"
}

: > "$out/results.txt"
for round in 1 2; do
  echo "== round $round" | tee -a "$out/results.txt"
  wall "analyze-t1-r$round" java -jar target/haski-desktop.jar analyze --threads 1 --out "$out/analyze.jsonl" "$folder"
  rm -rf "$out/job-l1"
  wall "local1-r$round" packaging/spark/run.sh --master 'local[1]' --input "$folder" --output "$out/job-l1" --format json
  wall "analyze-t2-r$round" java -jar target/haski-desktop.jar analyze --threads 2 --out "$out/analyze.jsonl" "$folder"
  rm -rf "$out/job-l2"
  wall "local2-r$round" packaging/spark/run.sh --master 'local[2]' --input "$folder" --output "$out/job-l2" --format json
done
