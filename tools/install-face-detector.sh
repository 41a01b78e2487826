#!/usr/bin/env bash
# Installs the face detector package models/mediapipe-blazeface: its committed manifest and test input
# (tools/face-detector) with MediaPipe's BlazeFace short-range weights, the TFLite file and its ONNX conversion,
# which are not committed. The weights are fetched with their provenance by fetch-third-party-models.sh into CACHE
# (default $XDG_CACHE_HOME/haski-third-party-models, else ~/.cache/haski-third-party-models) and each is checked
# against its SHA-256 (the same pins as the manifest). The package is assembled beside TARGET and moved in with one
# rename, so the app never sees half a package; without the weights no package is installed, and the app says how
# to add a face detector.
#
#   tools/install-face-detector.sh [--no-fetch] [CACHE [TARGET]]
#
# --no-fetch (as the Maven build runs it) uses what the cache holds and downloads nothing.
# Exit status: 0 installed, up to date, or (with --no-fetch) nothing to install, which it says; 2 cannot fetch here
# (no npm, or offline); 1 a file differs from its pin.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fetch=1
if [ "${1:-}" = "--no-fetch" ]; then fetch=0; shift; fi
cache="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/haski-third-party-models}"
target="${2:-$(dirname "$here")/models/mediapipe-blazeface}"
source_dir="$here/face-detector"

# file in the cache|name in the package|sha256
weights=(
  "mediapipe-face_detection-0.4.1657300184/package/face_detection_short_range.tflite|face_detection_short_range.tflite|3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633"
  "blazeface-barracuda-1.2.0/package/ONNX/face_detection_front_128x128_barracuda.onnx|face_detection_front_128x128_barracuda.onnx|d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51"
)
committed=(model.json test-input.png README.md)
have() { [ -f "$1" ] && echo "$2  $1" | sha256sum -c --status; }

up_to_date=1
for entry in "${weights[@]}"; do
  IFS='|' read -r _ name sha <<<"$entry"
  have "$target/$name" "$sha" || up_to_date=0
done
for name in "${committed[@]}"; do
  cmp -s "$source_dir/$name" "$target/$name" || up_to_date=0
done
if [ "$up_to_date" = 1 ]; then
  echo "face detector: $target is up to date"
  exit 0
fi

if [ "$fetch" = 1 ]; then
  rc=0
  bash "$here/fetch-third-party-models.sh" "$cache" || rc=$?
  [ "$rc" = 0 ] || exit "$rc"
fi
for entry in "${weights[@]}"; do
  IFS='|' read -r source _ sha <<<"$entry"
  if ! have "$cache/$source" "$sha"; then
    if [ "$fetch" = 0 ] && [ ! -f "$cache/$source" ]; then
      echo "face detector: not installed ($cache/$source is missing), so results say nothing about faces;" \
        "run tools/install-face-detector.sh (needs npm)"
      exit 0
    fi
    echo "error: $cache/$source does not have the SHA-256 $sha" >&2
    exit 1
  fi
done

parent=$(dirname "$target")
stage="$parent/.$(basename "$target").$$"
rm -rf "$stage"
mkdir -p "$stage"
trap 'rm -rf "$stage"' EXIT
for name in "${committed[@]}"; do cp "$source_dir/$name" "$stage/$name"; done
for entry in "${weights[@]}"; do
  IFS='|' read -r source name _ <<<"$entry"
  cp "$cache/$source" "$stage/$name"
done
rm -rf "$target"
mv "$stage" "$target"
trap - EXIT
echo "face detector: installed into $target"
