#!/usr/bin/env bash
# Builds the folders of the memory runs (docs/BENCHMARKS.md, Memory): 70 real photos of every kind the app reads,
# made from the public photos (tools/fetch-public-photos.sh), and the same 70 repeated 10 and 30 times.
#
#   TARGET/photos-70     baseline JPEGs (the public ones, 299 x 394 to 4000 x 3000, and crops of the 12 MP phone
#                        photo, 800 x 600 to 4000 x 2250), progressive copies of them (jpegtran -progressive), a
#                        5640 x 3172 one as large as the issue's largest wallpaper, grayscale JPEGs, wide-gamut JPEGs
#                        (through colord-data's Adobe RGB and ProPhoto RGB profiles, as the tests make them), PNGs,
#                        HEICs (heif-enc) and a 16-bit TIFF
#   TARGET/photos-700    10 rounds of those 70 (hard links, so no extra disk), one sub-folder a round
#   TARGET/photos-2100   30 rounds
#
# Needs: the classes and test classes (mvn -q -DskipTests package), jpegtran, djpeg and cjpeg
# (apt-get install libjpeg-turbo-progs), heif-enc (apt-get install libheif-examples) and the ICC profiles
# (tools/fetch-icc-profiles.sh).
# Usage: docs/make-memory-folder.sh [TARGET]   (default: target/memory-photos)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-target/memory-photos}
photos=${HASKI_PHOTOS:-${XDG_CACHE_HOME:-$HOME/.cache}/haski-public-photos}
profiles=${XDG_CACHE_HOME:-$HOME/.cache}/haski-icc-profiles
[ -f "$photos/PROVENANCE.tsv" ] || { echo "no public photos in $photos: run tools/fetch-public-photos.sh" >&2; exit 2; }
[ -f "$profiles/AdobeRGB1998.icc" ] && [ -f "$profiles/ProPhotoRGB.icc" ] \
  || { echo "no ICC profiles in $profiles: run tools/fetch-icc-profiles.sh" >&2; exit 2; }
for tool in jpegtran djpeg cjpeg heif-enc; do
  command -v "$tool" >/dev/null \
    || { echo "$tool is missing: apt-get install libjpeg-turbo-progs libheif-examples" >&2; exit 2; }
done
[ -f target/test-classes/ai/haski/desktop/WideGamutPhotos.class ] \
  || { echo "no test classes: run mvn -q -DskipTests package first" >&2; exit 2; }

once=$target/photos-70
rm -rf "$target"
mkdir -p "$once"
twelve=$photos/phone_IMG_20200827_231612.jpg

# Baseline JPEGs: the public ones, and crops of the 12 MP photo at the sizes phones, cameras and screens write.
for f in phone_IMG_20200827_231612.jpg phone_IMG_1054.JPG phone_debian_logo.jpg skimage_hubble_deep_field.jpg \
  skimage_retina.jpg skimage_rocket.jpg; do
  cp "$photos/$f" "$once/baseline_$f"
done
cp "$photos/phone_IMG-20191006-WA0002.jpg" "$once/progressive_phone_IMG-20191006-WA0002.jpg"
crops=(3840x2400+80+304 3000x2000+500+500 2560x1440+720+780 1920x1080+1000+900 1600x1200+0+0 1280x960+2720+2040
  2000x2000+1000+500 3000x3000+500+0 1000x1000+1500+1000 800x600+3200+2400 4000x2250+0+375)
for crop in "${crops[@]}"; do
  jpegtran -crop "$crop" -copy all -outfile "$once/baseline_crop_${crop%%+*}.jpg" "$twelve"
done
# As large as the issue's largest wallpaper (5640 x 3172): the 12 MP photo decoded at 3/2 and cropped.
djpeg -scale 3/2 "$twelve" | cjpeg -quality 90 -outfile "$target/large.jpg"
jpegtran -crop 5640x3172+180+664 -outfile "$once/baseline_5640x3172.jpg" "$target/large.jpg"
rm "$target/large.jpg"
# Progressive copies of every baseline JPEG so far.
for f in "$once"/baseline_*; do
  name=$(basename "$f")
  jpegtran -progressive -copy all -outfile "$once/progressive_${name#baseline_}" "$f"
done
for f in phone_IMG_1054.JPG skimage_rocket.jpg skimage_retina.jpg; do
  jpegtran -grayscale -copy all -outfile "$once/grayscale_$f" "$photos/$f"
done

# Wide-gamut JPEGs (profile in APP2), as WideGamutPhotos writes them for the tests, and progressive copies of some.
cp_classes=$(printf '%s:' target/test-classes target/classes target/lib/*.jar)
for profile in AdobeRGB1998 ProPhotoRGB; do
  for f in "$twelve" "$once/baseline_crop_3840x2400.jpg" "$photos/phone_IMG_1054.JPG" "$photos/skimage_rocket.jpg" \
    "$photos/skimage_retina.jpg" "$photos/skimage_hubble_deep_field.jpg"; do
    java -cp "$cp_classes" docs/cpu-per-photo/MakeWideGamut.java "$f" "$profiles/$profile.icc" \
      "$once/wide_${profile}_$(basename "${f%.*}").jpg"
  done
done
for f in "$once"/wide_AdobeRGB1998_{phone_IMG_20200827_231612,phone_IMG_1054,skimage_rocket}.jpg; do
  jpegtran -progressive -copy all -outfile "$once/progressive_$(basename "$f")" "$f"
done

# PNGs, HEICs and a TIFF.
for f in skimage_astronaut.png skimage_camera.png skimage_chelsea.png skimage_coffee.png skimage_coins.png \
  skimage_motorcycle_left.png phone_debian.png phone_debian_logo.png; do
  cp "$photos/$f" "$once/png_$f"
done
for f in "$twelve" "$once/baseline_crop_3840x2400.jpg" "$photos/skimage_coffee.png" "$photos/skimage_astronaut.png" \
  "$photos/skimage_chelsea.png" "$photos/skimage_rocket.jpg"; do
  heif-enc -q 80 -o "$once/heic_$(basename "${f%.*}").heic" "$f" >/dev/null
done
cp "$photos/skimage_chessboard_GRAY_U16.tif" "$once/tiff_skimage_chessboard_GRAY_U16.tif"

count=$(ls "$once" | wc -l)
[ "$count" -eq 70 ] || { echo "expected 70 photos in $once, made $count" >&2; exit 1; }
for rounds in 10 30; do
  folder=$target/photos-$((rounds * 70))
  for r in $(seq -w 1 "$rounds"); do
    mkdir -p "$folder/round-$r"
    ln "$once"/* "$folder/round-$r/" 2>/dev/null || cp "$once"/* "$folder/round-$r/"
  done
  echo "$folder: $(find "$folder" -type f | wc -l) photos"
done
echo "$once: $count photos ($(du -sm "$once" | cut -f1) MB)"
