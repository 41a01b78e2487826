#!/usr/bin/env bash
# Peak and sampled resident set of the packaged app's `analyze --threads 2` over the folders that
# docs/make-memory-folder.sh makes (70, 700 and 2,100 photos of every kind): docs/BENCHMARKS.md, Memory.
#
# For each folder: `/usr/bin/time -v` of the launcher (its "Maximum resident set size"), and VmRSS read from
# /proc once a second beside the number of results written so far, so that growth with the photo count shows.
# Results go to OUT/NAME.jsonl, the samples to OUT/NAME.rss.tsv (seconds, results, VmRSS kB).
# Needs the app-image (packaging/build.sh) and /usr/bin/time (apt-get install time).
# Extra JVM options for an experiment: JAVA_TOOL_OPTIONS (the JVM reads it whatever the launcher).
# Usage: docs/run-memory.sh [PHOTOS_ROOT] [OUT_DIR] [FOLDER...]
#        (defaults: target/memory-photos, target/memory, photos-70 photos-700 photos-2100)
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-target/memory-photos}
out=${2:-target/memory}
shift $(( $# > 2 ? 2 : $# ))
folders=("$@")
[ ${#folders[@]} -gt 0 ] || folders=(photos-70 photos-700 photos-2100)
app=${HASKI_APP:-target/packaging/image/haski-desktop/bin/haski-desktop}
[ -x "$app" ] || { echo "no app-image at $app: run packaging/build.sh" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 2; }
mkdir -p "$out"

# The JVM is the deepest process under /usr/bin/time (the launcher runs it in its own process).
jvm_of() {
  local pid=$1 child
  while child=$(cat "/proc/$pid/task/$pid/children" 2>/dev/null) && [ -n "$child" ]; do
    pid=${child%% *}
  done
  echo "$pid"
}

for name in "${folders[@]}"; do
  dir=$root/$name
  [ -d "$dir" ] || { echo "no folder $dir: run docs/make-memory-folder.sh" >&2; exit 2; }
  /usr/bin/time -v "$app" analyze --threads 2 "$dir" > "$out/$name.jsonl" 2> "$out/$name.time.txt" &
  timer=$!
  start=$(date +%s)
  : > "$out/$name.rss.tsv"
  while kill -0 "$timer" 2>/dev/null; do
    pid=$(jvm_of "$timer")
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$rss" ] && printf '%s\t%s\t%s\n' "$(( $(date +%s) - start ))" "$(wc -l < "$out/$name.jsonl")" "$rss" \
      >> "$out/$name.rss.tsv"
    sleep 1
  done
  wait "$timer" || echo "$name: analyze exited $?" >&2
  peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/$name.time.txt")
  summary=$(grep -h '^Analysed' "$out/$name.time.txt" || true)
  # Where the resident set stood after a tenth, half and all of the results: flat means bounded.
  marks=$(awk -F'\t' -v total="$(wc -l < "$out/$name.jsonl")" '
    { last = $3; for (i = 1; i <= 2; i++) if (!done[i] && $2 >= total * (i == 1 ? 0.1 : 0.5)) {
        at[i] = int($3 / 1024); done[i] = 1 } }
    END { printf "RSS at 10%%/50%% of results and at the last sample: %s/%s/%s MB", at[1], at[2], int(last / 1024) }' "$out/$name.rss.tsv")
  echo "$name: peak $((peak / 1024)) MB (${peak} kB); $marks; $summary"
done
