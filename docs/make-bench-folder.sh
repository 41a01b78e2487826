#!/usr/bin/env bash
# Builds a folder of at least COUNT real photos for `bench` and throughput runs, by copying the public photos
# (tools/fetch-public-photos.sh) that the reference model accepts: the broken files and the two
# 10 x 10 samples are left out, so that every photo in the folder is analysed.
# Usage: docs/make-bench-folder.sh TARGET_DIR [COUNT]   (COUNT defaults to 200)
set -euo pipefail
target=${1:?usage: make-bench-folder.sh TARGET_DIR [COUNT]}
count=${2:-200}
photos=${HASKI_PHOTOS:-${XDG_CACHE_HOME:-$HOME/.cache}/haski-public-photos}
[ -f "$photos/PROVENANCE.tsv" ] || { echo "no public photos in $photos: run tools/fetch-public-photos.sh" >&2; exit 2; }
mkdir -p "$target"
mapfile -t usable < <(ls "$photos" | grep -Ev '^broken_|\.(tsv|icc)$|^skimage_(palette_color|multipage_rgb)\.' | sort)
n=0
while [ "$n" -lt "$count" ]; do
  for f in "${usable[@]}"; do
    [ "$n" -ge "$count" ] && break
    cp "$photos/$f" "$target/$(printf '%04d' "$n")_$f"
    n=$((n + 1))
  done
done
echo "$target: $n photos"
