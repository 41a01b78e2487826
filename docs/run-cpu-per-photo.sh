#!/usr/bin/env bash
# CPU time per photo of Haski's decode against sharp's decode + resize (the Node peer's first step), the same files,
# one after the other in one run. CPU time rather than wall time, because on a shared machine wall times measure the
# other processes as much as ours. sharp's figure includes its resize to 224 x 224, Haski's does not (about 1-3 ms).
# Photos: the public photos of each kind, plus a progressive copy and a 3840 x 2400 crop (baseline and progressive,
# lossless, with jpegtran) of the 12 MP phone photo, and that photo through colord-data's Adobe RGB profile
# (tools/fetch-icc-profiles.sh), made as the tests make their wide-gamut JPEGs.
# Needs: the classes, test classes and libraries (mvn -q -DskipTests package test-compile), jpegtran and djpeg
# (apt-get install libjpeg-turbo-progs), /usr/bin/time (apt-get install time), npm for the peer (installed on first use).
# Usage: docs/run-cpu-per-photo.sh [OUT_DIR] [RUNS]   (defaults: target/benchmarks, 20)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/benchmarks}
runs=${2:-20}
photos=${HASKI_PHOTOS:-${XDG_CACHE_HOME:-$HOME/.cache}/haski-public-photos}
mkdir -p "$out/cpu-photos"
[ -d tools/node-peer/node_modules ] || tools/node-peer/setup.sh
twelve="$photos/phone_IMG_20200827_231612.jpg"
jpegtran -progressive -copy all -outfile "$out/cpu-photos/progressive_12mp.jpg" "$twelve"
jpegtran -crop 3840x2400+80+304 -outfile "$out/cpu-photos/baseline_3840x2400.jpg" "$twelve"
jpegtran -crop 3840x2400+80+304 -progressive -outfile "$out/cpu-photos/progressive_3840x2400.jpg" "$twelve"
cp=$(printf '%s:' target/classes target/lib/*.jar)
java -cp "target/test-classes:$cp" docs/cpu-per-photo/MakeWideGamut.java "$twelve" \
  "${XDG_CACHE_HOME:-$HOME/.cache}/haski-icc-profiles/AdobeRGB1998.icc" "$out/cpu-photos/adobe-rgb_12mp.jpg"
files=("$twelve" "$out/cpu-photos/adobe-rgb_12mp.jpg" "$out/cpu-photos/progressive_12mp.jpg" "$out/cpu-photos/baseline_3840x2400.jpg"
  "$out/cpu-photos/progressive_3840x2400.jpg" "$photos/phone_IMG_1054.JPG" "$photos/skimage_rocket.jpg"
  "$photos/skimage_coffee.png" "$photos/skimage_astronaut.png")
echo "== machine"; { nproc; grep -m1 'model name' /proc/cpuinfo; java -version 2>&1 | head -1; uptime; } \
  | tee "$out/cpu-machine.txt"
java -cp "$cp" docs/cpu-per-photo/DecodeCpu.java "$runs" "${files[@]}" 2>/dev/null | tee "$out/cpu-haski.txt"
node tools/node-peer/sharp-cpu.mjs "$runs" "${files[@]}" | tee "$out/cpu-sharp.txt"
echo "== libjpeg-turbo's own cost (djpeg, 10 runs each, user + system CPU of the processes, start included)"
for f in "$out/cpu-photos/baseline_3840x2400.jpg" "$out/cpu-photos/progressive_3840x2400.jpg"; do
  for scale in 1/2 1/8; do
    /usr/bin/time -f "$(basename "$f") djpeg -scale $scale: %U s user + %S s system for 10 runs" \
      bash -c "for i in 1 2 3 4 5 6 7 8 9 10; do djpeg -scale $scale -outfile /dev/null '$f'; done"
  done
done 2>&1 | tee "$out/cpu-djpeg.txt"
