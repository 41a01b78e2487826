#!/usr/bin/env bash
# Haski against the pipeline a Node developer would write (tools/node-peer: sharp + onnxruntime-node, the same ONNX
# model and the same 224 x 224 preprocessing), side by side in one run: for each folder and each worker count, `bench`
# then the peer, in interleaved rounds, each printing photos per second, and the ratio Haski / peer.
# Haski is measured twice per row: its model's own path alone (`bench --model-only`: the work the peer does) and every
# stage of analyze (the photo quality check and the face stage too, which the peer lacks).
# Folders: the public photos repeated (docs/make-bench-folder.sh) and one folder per kind of photo (baseline,
# progressive and wide-gamut JPEG, PNG), each the public photos of that kind repeated to 96, so that each throughput
# run lasts about a second or more (24 photos made runs of a quarter of a second, which one pause could swing).
# Needs: the jar (mvn -q -DskipTests package), the public photos, npm (the peer is installed on first use) and python3.
# Usage: docs/run-peer-comparison.sh [OUT_DIR] [ROUNDS]   (defaults: target/benchmarks, 2)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/benchmarks}
rounds=${2:-2}
jar=target/haski-desktop.jar
package=models/haski-reference
photos=${HASKI_PHOTOS:-${XDG_CACHE_HOME:-$HOME/.cache}/haski-public-photos}
mkdir -p "$out"
[ -d tools/node-peer/node_modules ] || tools/node-peer/setup.sh
folder="$out/photos-208"
[ -d "$folder" ] || docs/make-bench-folder.sh "$folder" 208 >/dev/null

# One kind each; phone_IMG_1054.JPG and the WhatsApp photo are progressive, skimage's rocket carries Adobe RGB (1998).
declare -A kinds=(
  [baseline]="phone_IMG_20200827_231612.jpg skimage_hubble_deep_field.jpg skimage_retina.jpg"
  [progressive]="phone_IMG_1054.JPG phone_IMG-20191006-WA0002.jpg"
  [wide-gamut]="skimage_rocket.jpg"
  [png]="skimage_coffee.png skimage_astronaut.png skimage_chelsea.png"
)
for kind in "${!kinds[@]}"; do
  dir="$out/kind-$kind"
  [ -d "$dir" ] && continue
  mkdir -p "$dir"
  n=0
  while [ "$n" -lt 96 ]; do
    for f in ${kinds[$kind]}; do
      cp "$photos/$f" "$dir/$(printf '%02d' "$n")_$f"
      n=$((n + 1))
    done
  done
done

echo "== machine"; { nproc; grep -m1 'model name' /proc/cpuinfo; java -version 2>&1 | head -1; node --version; uptime; } \
  | tee "$out/peer-machine.txt"
haski_rate() { # folder workers [--model-only] -> photos/s of bench's throughput run with that many workers
  java -jar "$jar" bench --backend onnx --repeat 1 --threads "$2" ${3:-} --json "$1" 2>/dev/null | python3 -c '
import json, sys
report = json.load(sys.stdin)
print(next(t["images_per_second"] for t in report["results"][0]["throughput"] if t["threads"] == int(sys.argv[1])))' "$2"
}
peer_rate() { # folder workers -> photos/s
  node tools/node-peer/peer.mjs "$package" "$1" "$2" | python3 -c 'import json, sys; print(json.load(sys.stdin)["photos_per_second"])'
}
echo "== Haski (bench, ONNX Runtime) against the Node peer, photos/s; ratio above 1 means Haski is faster"
echo "   model only: bench --model-only, the same work as the peer; all stages: bench as analyze runs (quality, faces)"
for round in $(seq "$rounds"); do
  for dir in "$folder" "$out"/kind-baseline "$out"/kind-progressive "$out"/kind-wide-gamut "$out"/kind-png; do
    for workers in 1 2; do
      model_only=$(haski_rate "$dir" "$workers" --model-only)
      peer=$(peer_rate "$dir" "$workers")
      all_stages=$(haski_rate "$dir" "$workers")
      python3 -c 'import sys; r, d, w, m, p, a = sys.argv[1:]; m, p, a = float(m), float(p), float(a); print(f"round {r}  {d:<20} {w} worker(s): model only {m:6.1f}  peer {p:6.1f}  ratio {m / p:.2f}   all stages {a:6.1f}  ratio {a / p:.2f}")' \
        "$round" "$(basename "$dir")" "$workers" "$model_only" "$peer" "$all_stages" | tee -a "$out/peer-comparison.txt"
    done
  done
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/peer-comparison.txt"
