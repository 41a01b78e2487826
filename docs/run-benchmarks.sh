#!/usr/bin/env bash
# Produces every figure in docs/BENCHMARKS.md, side by side in one run, into OUT_DIR (default target/benchmarks).
# Needs: the jar (mvn -q -DskipTests package), the public photos, djpeg (apt-get install libjpeg-turbo-progs),
# /usr/bin/time (apt-get install time), libturbojpeg0 for the TurboJPEG rows. Takes about fifteen minutes on a 2-core
# machine.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/benchmarks}
mkdir -p "$out"
jar=target/haski-desktop.jar
photos=${HASKI_PHOTOS:-$HOME/.cache/haski-public-photos}
twelve="$photos/phone_IMG_20200827_231612.jpg"
folder="$out/photos-208"
[ -d "$folder" ] || docs/make-bench-folder.sh "$folder" 208 >/dev/null

echo "== machine"; { nproc; grep -m1 'model name' /proc/cpuinfo; java -version 2>&1 | head -1; uptime; } | tee "$out/machine.txt"

echo "== 1. generated 1, 3, 12 MP JPEGs, every runtime of the float model"
java -jar "$jar" bench --repeat 10 --threads 2 | tee "$out/bench-generated.txt"

echo "== 2. int8 TFLite model on the same generated JPEGs"
java -jar "$jar" bench --model haski-reference-int8 --repeat 5 --threads 2 | tee "$out/bench-generated-int8.txt"

echo "== 3. a folder of 208 real photos, both runtimes"
java -jar "$jar" bench --repeat 1 --threads 2 "$folder" | tee "$out/bench-folder.txt"

echo "== 4. the limit: libjpeg-turbo's DCT-scaled decode of the 12 MP photo (20 runs, process start included)"
start=$(date +%s%N)
for i in $(seq 20); do djpeg -scale 1/8 -outfile /dev/null "$twelve"; done
end=$(date +%s%N)
echo "djpeg -scale 1/8: $(( (end - start) / 20000000 )) ms per photo" | tee "$out/djpeg.txt"
start=$(date +%s%N)
for i in $(seq 20); do djpeg -outfile /dev/null "$twelve"; done
end=$(date +%s%N)
echo "djpeg full size: $(( (end - start) / 20000000 )) ms per photo" | tee -a "$out/djpeg.txt"

echo "== 4b. the JPEG decoder: ImageIO (-Dhaski.turbojpeg=off) against TurboJPEG, side by side, 12 MP phone photo"
echo "   and the generated set; three rounds, because other builds may share this machine"
phone="$out/phone-12mp"
mkdir -p "$phone" && cp "$twelve" "$phone/"
for round in 1 2 3; do
  for decoder in off on; do
    java -Dhaski.turbojpeg=$decoder -jar "$jar" bench --backend onnx --repeat 20 --threads 1 "$phone" \
      | tee "$out/bench-phone-turbojpeg-$decoder-$round.txt"
    java -Dhaski.turbojpeg=$decoder -jar "$jar" bench --repeat 10 --threads 2 \
      | tee "$out/bench-generated-turbojpeg-$decoder-$round.txt"
  done
  start=$(date +%s%N)
  for i in $(seq 20); do djpeg -scale 1/8 -outfile /dev/null "$twelve"; done
  end=$(date +%s%N)
  echo "round $round: djpeg -scale 1/8: $(( (end - start) / 20000000 )) ms per photo" | tee -a "$out/djpeg-turbojpeg.txt"
done

echo "== 5. runtime settings: TFLite without XNNPACK, ONNX Runtime at basic graph optimisation"
java -Dhaski.tflite.xnnpack=false -jar "$jar" bench --backend tflite --repeat 10 --threads 2 | tee "$out/bench-tflite-no-xnnpack.txt"
java -Dhaski.onnx.optimisation=basic -jar "$jar" bench --backend onnx --repeat 10 --threads 2 | tee "$out/bench-onnx-basic.txt"

echo "== 6. memory: analyze 2,080 photos (the folder ten times) with 2 threads, peak resident set"
list=()
for i in $(seq 10); do list+=("$folder"); done
/usr/bin/time -v java -XX:MaxRAMPercentage=25 -jar "$jar" analyze --threads 2 "${list[@]}" > /dev/null 2> "$out/memory-2080.txt" || true
grep -E "Maximum resident|Elapsed|Analysed" "$out/memory-2080.txt" | tee "$out/memory-summary.txt"

echo "== 7. start-up: analyze one photo, 5 runs each, without and with a class-data-sharing archive"
java -XX:ArchiveClassesAtExit="$out/app.jsa" -jar "$jar" analyze "$photos/phone_IMG_1054.JPG" > /dev/null 2>&1
for mode in plain cds; do
  flags=(); [ "$mode" = cds ] && flags=(-XX:SharedArchiveFile="$out/app.jsa")
  start=$(date +%s%N)
  for i in $(seq 5); do java "${flags[@]}" -jar "$jar" analyze "$photos/phone_IMG_1054.JPG" > /dev/null 2>&1; done
  end=$(date +%s%N)
  echo "$mode: $(( (end - start) / 5000000 )) ms per run" | tee -a "$out/startup.txt"
done

echo "== 7b. start-up of the packaged app (run packaging/build.sh first): its runtime's class-data-sharing archive"
echo "   (jlink --generate-cds-archive) on, and switched off with -Xshare:off; three rounds of 5 runs each"
image=target/packaging/image/haski-desktop
if [ -x "$image/bin/haski-desktop" ]; then
  for round in 1 2 3; do
    for mode in on off; do
      opts=""; [ "$mode" = off ] && opts=-Xshare:off
      start=$(date +%s%N)
      for i in $(seq 5); do
        JAVA_TOOL_OPTIONS=$opts "$image/bin/haski-desktop" analyze "$photos/phone_IMG_1054.JPG" > /dev/null 2>&1
      done
      end=$(date +%s%N)
      echo "round $round, CDS $mode: $(( (end - start) / 5000000 )) ms per run" | tee -a "$out/startup-image.txt"
    done
  done
else
  echo "no app-image at $image: run packaging/build.sh" | tee "$out/startup-image.txt"
fi

echo "== 8. the desktop app: a 12 MP photo's result in the window once the model is loaded (needs xvfb-run)"
if command -v xvfb-run > /dev/null; then
  docs/measure-drop-to-result.sh "$twelve" 5 | tee "$out/drop-to-result.txt"
else
  echo "xvfb-run is missing: apt-get install xvfb" | tee "$out/drop-to-result.txt"
fi

echo "== 9. against the Node peer (sharp + onnxruntime-node), side by side: docs/run-peer-comparison.sh"
docs/run-peer-comparison.sh "$out" 2
