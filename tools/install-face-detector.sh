#!/usr/bin/env bash
# Puts the weights of the face detector package models/mediapipe-blazeface in place: MediaPipe's BlazeFace
# short-range TFLite file and its ONNX conversion, fetched with their provenance by fetch-third-party-models.sh into
# CACHE (default $XDG_CACHE_HOME/haski-third-party-models, else ~/.cache/haski-third-party-models) and copied into
# TARGET (default models/mediapipe-blazeface beside this script's folder), each checked against its SHA-256 (the
# same pins as the package's model.json). The weights are not committed to the repository.
#
#   tools/install-face-detector.sh [--no-fetch] [CACHE [TARGET]]
#
# --no-fetch (as the Maven build runs it) copies what the cache holds and downloads nothing.
# Exit status: 0 installed (or, with --no-fetch, nothing to copy: the note says how to get it); 2 cannot fetch here;
# 1 a file differs from its pin.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
fetch=1
if [ "${1:-}" = "--no-fetch" ]; then fetch=0; shift; fi
cache="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/haski-third-party-models}"
target="${2:-$(dirname "$here")/models/mediapipe-blazeface}"

# file in the cache|name in the package|sha256
files=(
  "mediapipe-face_detection-0.4.1657300184/package/face_detection_short_range.tflite|face_detection_short_range.tflite|3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633"
  "blazeface-barracuda-1.2.0/package/ONNX/face_detection_front_128x128_barracuda.onnx|face_detection_front_128x128_barracuda.onnx|d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51"
)
have() { [ -f "$1" ] && echo "$2  $1" | sha256sum -c --status; }

if [ "$fetch" = 1 ]; then
  rc=0
  bash "$here/fetch-third-party-models.sh" "$cache" || rc=$?
  [ "$rc" = 0 ] || exit "$rc"
fi
for entry in "${files[@]}"; do
  IFS='|' read -r source name sha <<<"$entry"
  if have "$target/$name" "$sha"; then
    continue
  fi
  if ! have "$cache/$source" "$sha"; then
    if [ "$fetch" = 0 ]; then
      echo "face detector: $cache/$source is missing, so models/mediapipe-blazeface has no weights and results say" \
        "nothing about faces; run tools/install-face-detector.sh (needs npm)"
      exit 0
    fi
    echo "error: $cache/$source does not have the SHA-256 $sha" >&2
    exit 1
  fi
  cp "$cache/$source" "$target/$name.part"
  mv "$target/$name.part" "$target/$name"
done
echo "face detector: $target holds its weights"
