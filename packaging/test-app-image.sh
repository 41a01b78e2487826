#!/usr/bin/env bash
# Packaging test: builds the app-image from target/ (run `mvn -B verify` or `mvn -B -q -DskipTests package` first)
# and checks, with a fresh empty HOME and TMPDIR:
#   - the image fits the size budget stated in README.md (Packaging);
#   - no jar in it carries native libraries, and they all sit unpacked under lib/app/native;
#   - `self-check` passes: both runtimes load and every bundled model passes its test vector;
#   - `analyze` of a real phone photo writes a result;
#   - a launch writes nothing outside that HOME (no /tmp, no ~/.openjfx, no unpacked natives in the cache):
#     checked call by call under strace when it is installed, else by listing /tmp before and after;
#   - JNA's dispatch library, and libturbojpeg.so.0 when the build machine had it, load from the image;
#   - as root, the same again with /tmp, HOME and TMPDIR mounted noexec (natives must load from the image);
#   - with xvfb-run installed, the window opens and writes nothing outside HOME either;
#   - `analyze --threads 2` of 1,040 public photos peaks under 600 MB resident (docs/BENCHMARKS.md, Memory).
# HASKI_TEST_PHOTO overrides the photo; HASKI_BUILD_IMAGE=0 tests an image already built.
set -euo pipefail
cd "$(dirname "$0")/.."

budget_mb=145
photo=${HASKI_TEST_PHOTO:-${XDG_CACHE_HOME:-$HOME/.cache}/haski-public-photos/phone_IMG_1054.JPG}
image=target/packaging/image/haski-desktop
root=$(pwd)
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }

[ -f "$photo" ] || { echo "missing test photo $photo: run tools/fetch-public-photos.sh (mvn verify does)" >&2; exit 2; }
if [ "${HASKI_BUILD_IMAGE:-1}" != 0 ]; then
  start=$(date +%s)
  HASKI_SKIP_MAVEN=1 packaging/build.sh app-image
  pass "app-image built in $(( $(date +%s) - start )) s"
fi
launcher=$root/$image/bin/haski-desktop
[ -x "$launcher" ] || { echo "no launcher at $launcher" >&2; exit 2; }

# --- size and layout ---------------------------------------------------------------------------------------
size_mb=$(du -sm "$image" | cut -f1)
if [ "$size_mb" -le "$budget_mb" ]; then pass "image is $size_mb MB (budget $budget_mb MB)"; else fail "image is $size_mb MB, over the $budget_mb MB budget"; fi
jar_tool=${JAVA_HOME:+$JAVA_HOME/bin/}jar
for jar in "$image"/lib/app/*.jar "$image"/lib/app/lib/*.jar; do
  if "$jar_tool" tf "$jar" | grep -Eq '\.(so|dll|dylib|jnilib)$'; then fail "$(basename "$jar") still carries native libraries"; fi
done
for lib in onnxruntime/libonnxruntime.so onnxruntime/libonnxruntime4j_jni.so tflite/libtensorflowlite_jni.so \
           sqlite/libsqlitejdbc.so javafx/libglass.so javafx/libglassgtk3.so javafx/libprism_sw.so jna/libjnidispatch.so; do
  [ -f "$image/lib/app/native/$lib" ] || fail "lib/app/native/$lib is missing"
done
[ -f "$image/lib/app/models/haski-reference/model.json" ] || fail "the bundled models are missing"
[ -f "$image/lib/app/legal/THIRD-PARTY-NOTICES.txt" ] || fail "the third-party notices are missing"
# TurboJPEG is bundled when the build machine has it (build.sh); then its licence must travel with it.
bundled_turbojpeg=0
if [ -f "$image/lib/app/native/turbojpeg/libturbojpeg.so.0" ]; then
  bundled_turbojpeg=1
  [ -f "$image/lib/app/legal/libjpeg-turbo-copyright.txt" ] || fail "libturbojpeg.so.0 is bundled without its licence"
elif [ -f /usr/lib/x86_64-linux-gnu/libturbojpeg.so.0 ] || [ -f /lib/x86_64-linux-gnu/libturbojpeg.so.0 ]; then
  fail "this machine has libturbojpeg.so.0 but the image does not bundle it"
fi
# libpng likewise.
bundled_libpng=0
if [ -f "$image/lib/app/native/libpng/libpng16.so.16" ]; then
  bundled_libpng=1
  [ -f "$image/lib/app/legal/libpng-copyright.txt" ] || fail "libpng16.so.16 is bundled without its licence"
elif [ -f /usr/lib/x86_64-linux-gnu/libpng16.so.16 ] || [ -f /lib/x86_64-linux-gnu/libpng16.so.16 ]; then
  fail "this machine has libpng16.so.16 but the image does not bundle it"
fi
# libheif likewise, with its decoder libraries and a licence for each.
bundled_libheif=0
if [ -f "$image/lib/app/native/libheif/libheif.so.1" ]; then
  bundled_libheif=1
  for lib in "$image"/lib/app/native/libheif/*; do
    package=$(dpkg-query -S "$(basename "$lib")" 2>/dev/null | head -1 | cut -d: -f1)
    [ -z "$package" ] || [ -f "$image/lib/app/legal/$package-copyright.txt" ] \
      || fail "$(basename "$lib") is bundled without its licence ($package)"
  done
elif [ -f /usr/lib/x86_64-linux-gnu/libheif.so.1 ] || [ -f /lib/x86_64-linux-gnu/libheif.so.1 ]; then
  fail "this machine has libheif.so.1 but the image does not bundle it"
fi
pass "layout: natives unpacked under lib/app/native, none left in jars, models and notices present"
# The Spark job's libraries are `provided` by a cluster (docs/SPARK.md): none may reach the desktop app.
spark_jars=$(ls "$image"/lib/app/lib/ | grep -E '^(spark-|hadoop-|scala-|parquet-|log4j-)' || true)
[ -z "$spark_jars" ] || fail "Spark's libraries are in the app-image: $spark_jars"
pass "no Spark, Hadoop, Scala or Parquet jar in the app-image"

# --- launches in a sandbox -----------------------------------------------------------------------------------
sandbox=$root/target/packaging/test
have_strace=0
command -v strace >/dev/null && strace -f -qq -o /dev/null true 2>/dev/null && have_strace=1

# Runs the launcher with an empty HOME and TMPDIR under $sandbox/NAME; output in $sandbox/NAME.out.
# With strace, every successful call that creates, writes, renames or deletes a path is checked afterwards.
# OUTER (an array name) wraps the whole command, INNER runs inside the clean environment, around strace.
launch() {
  local name=$1 rc=0; shift
  local -n outer_ref=$1 inner_ref=$2; shift 2
  local home=$sandbox/$name/home tmp=$sandbox/$name/tmp
  rm -rf "${sandbox:?}/$name"; mkdir -p "$home" "$tmp"
  local trace=()
  rm -f "$sandbox/$name".strace*
  [ "$have_strace" = 1 ] && trace=(strace -ff -qq -o "$sandbox/$name.strace"
    -e trace=open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,rmdir,link,linkat,symlink,symlinkat,truncate)
  # Java takes user.home from the password database, not $HOME, so the XDG folders are what moves the app's
  # data and cache (and Mesa's shader cache) into the sandbox.
  (cd "$home" && "${outer_ref[@]}" env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$home" TMPDIR="$tmp" \
      XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache" XDG_CONFIG_HOME="$home/.config" \
      XDG_STATE_HOME="$home/.local/state" "${inner_ref[@]}" "${trace[@]}" "$launcher" "$@") >"$sandbox/$name.out" 2>&1 || rc=$?
  [ "$have_strace" = 1 ] && cat "$sandbox/$name".strace.* >"$sandbox/$name.strace" && rm -f "$sandbox/$name".strace.*
  return "$rc"
}

# Paths outside the sandbox that a launch created, wrote, renamed or deleted (from strace), one a line.
# One exception: ONNX Runtime's Java API creates an empty folder /tmp/onnxruntime-javaNNN on every start and
# deletes it again (Files.createTempDirectory reads java.io.tmpdir as it was when the JVM started, and jpackage
# launcher options can't name a per-user folder); nothing is written into it when its libraries come from the
# image, and the /tmp listing below checks that it is gone.
writes_outside() {
  local name=$1
  [ "$have_strace" = 1 ] || return 0
  grep -vE ' = -1 ' "$sandbox/$name.strace" \
    | grep -E 'O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|mkdir|rename|unlink|rmdir|link\(|linkat|symlink|truncate' \
    | grep -oE '"/[^"]*"' | tr -d '"' | sort -u \
    | grep -vE "^($sandbox/$name/|/dev/|/proc/|/tmp/onnxruntime-java[0-9]+$)" || true
}

check_run() {
  local name=$1 expect=$2
  if grep -q -- "$expect" "$sandbox/$name.out"; then pass "$name: output has '$expect'"; else
    fail "$name: no '$expect' in its output:"; sed 's/^/    /' "$sandbox/$name.out" | tail -20 >&2; fi
  local outside; outside=$(writes_outside "$name")
  if [ -n "$outside" ]; then fail "$name wrote outside its HOME and TMPDIR:"; echo "$outside" | sed 's/^/    /' >&2
  elif [ "$have_strace" = 1 ]; then pass "$name: strace saw no write outside its HOME and TMPDIR"; fi
  local home=$sandbox/$name/home
  [ -z "$(ls -A "$sandbox/$name/tmp")" ] || fail "$name left files in TMPDIR: $(ls -A "$sandbox/$name/tmp")"
  [ ! -e "$home/.openjfx" ] || fail "$name unpacked JavaFX into ~/.openjfx"
  [ ! -e "$home/.cache/haski-desktop/native" ] || fail "$name unpacked native libraries into the cache"
  local tmp_left; tmp_left=$(ls -A "$home/.cache/haski-desktop/tmp" 2>/dev/null || true)
  [ -z "$tmp_left" ] || fail "$name left files in its private temporary folder: $tmp_left"
  if [ "$have_strace" = 1 ]; then
    grep -q "\"$root/$image/lib/app/native/onnxruntime/libonnxruntime.so\"" "$sandbox/$name.strace" \
      && pass "$name: ONNX Runtime loaded from the image" || { [ "$name" = window ] || fail "$name: libonnxruntime.so not opened from the image"; }
  fi
}

tmp_before=$(ls -A /tmp 2>/dev/null | sort || true)
ls -d "$HOME/.openjfx" >/dev/null 2>&1 && openjfx_before=1 || openjfx_before=0

none=()
launch self-check none none self-check || fail "self-check exited non-zero"
check_run self-check "self-check passed"
grep -q 'onnx .*PASS loaded' "$sandbox/self-check.out" || fail "ONNX Runtime did not load"
grep -q 'tflite .*PASS loaded' "$sandbox/self-check.out" || fail "TensorFlow Lite did not load"

launch analyze none none analyze "$photo" || fail "analyze exited non-zero"
check_run analyze "\"file\":\"$photo\""
# The bundled face detector finds the astronaut's face from an empty home (when the image has one).
face_photo=$(dirname "$photo")/skimage_astronaut.png
if [ -f "$image/lib/app/models/mediapipe-blazeface/model.json" ] && [ -f "$face_photo" ]; then
  launch faces none none analyze "$face_photo" || fail "analyze of the face photo exited non-zero"
  check_run faces '"faces":\[{"x":'
else
  echo "skip: no bundled face detector or no $face_photo; the face check is not run"
fi
if [ "$have_strace" = 1 ]; then
  # JNA's dispatch library from the image (never unpacked), and TurboJPEG from the image when bundled.
  grep -q "\"$root/$image/lib/app/native/jna/libjnidispatch.so\"" "$sandbox/analyze.strace" \
    && pass "analyze: JNA loaded its library from the image" || fail "analyze: libjnidispatch.so not opened from the image"
  if [ "$bundled_turbojpeg" = 1 ]; then
    grep -q "\"$root/$image/lib/app/native/turbojpeg/libturbojpeg.so.0\"" "$sandbox/analyze.strace" \
      && pass "analyze: TurboJPEG loaded from the image" || fail "analyze: libturbojpeg.so.0 not opened from the image"
  fi
  if [ "$bundled_libpng" = 1 ]; then
    grep -q "\"$root/$image/lib/app/native/libpng/libpng16.so.16\"" "$sandbox/analyze.strace" \
      && pass "analyze: libpng loaded from the image" || fail "analyze: libpng16.so.16 not opened from the image"
  fi
fi

# A HEIC made from the same photo by libheif's own encoder, analysed from the empty home like the JPEG.
command -v heif-enc >/dev/null || fail "heif-enc is missing (apt-get install libheif-examples): no HEIC to analyse"
heic=$root/target/packaging/test-photo.heic
mkdir -p "$(dirname "$heic")"
heif-enc -q 80 -o "$heic" "$photo" >/dev/null 2>&1 || fail "heif-enc could not make $heic from $photo"
launch analyze-heic none none analyze "$heic" || fail "analyze of a HEIC exited non-zero"
check_run analyze-heic '"format":"heif"'
if [ "$have_strace" = 1 ] && [ "$bundled_libheif" = 1 ]; then
  grep -q "\"$root/$image/lib/app/native/libheif/libheif.so.1\"" "$sandbox/analyze-heic.strace" \
    && pass "analyze-heic: libheif loaded from the image" || fail "analyze-heic: libheif.so.1 not opened from the image"
  for lib in "$image"/lib/app/native/libheif/*; do
    grep -q "\"$root/$lib\"" "$sandbox/analyze-heic.strace" \
      || fail "analyze-heic: the bundled $(basename "$lib") was not loaded (the system's would have been used)"
  done
fi

# --- memory over a folder --------------------------------------------------------------------------------------
# `analyze --threads 2` of 1,040 public photos (docs/make-bench-folder.sh's 208, named five times), without strace:
# the resident set must stay under the 600 MB of docs/BENCHMARKS.md (Memory) and every photo must be analysed.
# About 20 s; the full measurement (2,100 photos of every kind) is docs/run-memory.sh.
memory_budget_mb=600
if [ -x /usr/bin/time ]; then
  bench_folder=$root/target/packaging/memory-photos
  rm -rf "$bench_folder"
  docs/make-bench-folder.sh "$bench_folder" 208 >/dev/null
  memory=(/usr/bin/time -f 'peak resident set %M kB' -o "$sandbox/memory.time")
  traced=$have_strace; have_strace=0
  launch memory none memory analyze --threads 2 "$bench_folder" "$bench_folder" "$bench_folder" "$bench_folder" \
    "$bench_folder" || fail "analyze of $bench_folder (five times) exited non-zero"
  have_strace=$traced
  grep -q '1040 succeeded, 0 failed' "$sandbox/memory.out" \
    || fail "memory: not all 1,040 photos were analysed: $(grep '^Analysed' "$sandbox/memory.out" || tail -3 "$sandbox/memory.out")"
  peak_kb=$(sed -n 's/^peak resident set \([0-9]*\) kB$/\1/p' "$sandbox/memory.time")
  if [ -n "$peak_kb" ] && [ "$peak_kb" -lt $((memory_budget_mb * 1024)) ]; then
    pass "memory: 1,040 photos analysed with a peak resident set of $((peak_kb / 1024)) MB (budget $memory_budget_mb MB)"
  else
    fail "memory: peak resident set ${peak_kb:-unknown} kB over 1,040 photos, budget $memory_budget_mb MB"
  fi
  rm -rf "$bench_folder"
else
  echo "skip: /usr/bin/time is missing (apt-get install time); the memory check is not run"
fi

if command -v xvfb-run >/dev/null; then
  # The window face: no arguments opens it; it is closed after a few seconds (exit 124 from timeout is expected).
  xvfb=(xvfb-run -a timeout 12)
  launch window none xvfb || true
  if grep -qiE 'exception|error' "$sandbox/window.out"; then fail "the window logged errors:"; sed 's/^/    /' "$sandbox/window.out" | head -20 >&2; else pass "window: opened under Xvfb without errors"; fi
  check_run window ""
  if [ "$have_strace" = 1 ]; then
    grep -q "\"$root/$image/lib/app/native/javafx/libglass.so\"" "$sandbox/window.strace" \
      && pass "window: JavaFX loaded its libraries from the image" || fail "window: libglass.so not opened from the image"
  fi
else
  echo "skip: xvfb-run is not installed, the window face is not launched"
fi

if [ "$have_strace" = 1 ]; then
  # Precise: ONNX Runtime's folders from these launches (the only /tmp writes allowed above) are all gone.
  left=$(cat "$sandbox"/*.strace | grep -oE '"/tmp/onnxruntime-java[0-9]+"' | tr -d '"' | sort -u \
    | while read -r folder; do [ ! -e "$folder" ] || echo "$folder"; done)
  [ -z "$left" ] && pass "ONNX Runtime's empty /tmp folders are gone" || fail "left in /tmp: $left"
else
  # Without strace, new /tmp entries that look like ours (a test run beside this one could add some too).
  tmp_after=$(ls -A /tmp 2>/dev/null | sort || true)
  new_tmp=$(comm -13 <(echo "$tmp_before") <(echo "$tmp_after") | grep -iE 'hsperf|onnx|sqlite|tensorflow|tflite|openjfx|javafx|haski|imageio|jna|\.tmp$' || true)
  [ -z "$new_tmp" ] || fail "new entries in /tmp: $new_tmp"
fi
if [ "$openjfx_before" = 0 ] && [ -e "$HOME/.openjfx" ]; then fail "~/.openjfx appeared in the real HOME"; fi

# --- noexec /tmp --------------------------------------------------------------------------------------------
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && unshare -m true 2>/dev/null; then
  mkdir -p "$sandbox/noexec"
  # In a private mount namespace: /tmp and the whole sandbox (HOME, TMPDIR) noexec, so a native library can only
  # load from the image.
  # The image itself stays executable even when the checkout lies under /tmp (a CI clone may).
  noexec=(unshare -m sh -c 'mount --make-rprivate / && for d in /tmp "$0"; do
      mount --bind "$d" "$d" && mount -o remount,bind,noexec "$d" "$d" || { echo "exit 97: cannot mount $d noexec"; exit 97; }
    done
    mount --bind "$1" "$1" && mount -o remount,bind,exec "$1" "$1" || { echo "exit 97: cannot keep $1 executable"; exit 97; }
    shift; exec "$@"' "$sandbox/noexec" "$(cd "$image" && pwd)")
  launch noexec noexec none self-check || fail "self-check with /tmp noexec exited non-zero"
  check_run noexec "self-check passed"
  grep -q 'exit 97' "$sandbox/noexec.out" && fail "could not mount noexec"
  # analyze builds the image loader, which loads JNA and TurboJPEG: they too must come from the image.
  launch noexec-analyze noexec none analyze "$photo" || fail "analyze with /tmp noexec exited non-zero"
  check_run noexec-analyze "\"file\":\"$photo\""
  if [ "$have_strace" = 1 ] && [ "$bundled_turbojpeg" = 1 ]; then
    grep -q "\"$root/$image/lib/app/native/turbojpeg/libturbojpeg.so.0\"" "$sandbox/noexec-analyze.strace" \
      && pass "noexec-analyze: TurboJPEG loaded from the image" || fail "noexec-analyze: libturbojpeg.so.0 not opened from the image"
  fi
else
  echo "skip: the noexec /tmp check needs root and unshare -m"
fi

# --- a photo named on the launcher's command line --------------------------------------------------------------
# As a file manager or a shell starts it (`haski-desktop PHOTO`, no --open): under Xvfb the window opens with the
# photo and analyses it, which the app's log (under the sandbox HOME) says; the app is stopped once it has.
if ! command -v xvfb-run >/dev/null; then
  echo "skip: xvfb-run is not installed, the launcher is not given a photo"
# grep reads all of ldconfig's list (no -q): with pipefail, grep -q's early exit could kill ldconfig with SIGPIPE and
# make an installed GTK look missing.
elif ! ldconfig -p 2>/dev/null | grep 'libgtk-3\.so\.0' >/dev/null; then
  echo "skip: no libgtk-3.so.0 (apt-get install libgtk-3-0), so no window can open; the launcher is not given a photo"
else
  # Inside the clean environment (so that DISPLAY is Xvfb's): the launcher, stopped once the log has the result.
  until_result=(xvfb-run -a sh -c '"$@" & app=$!; log=$HOME/.local/share/haski-desktop/logs/haski-desktop.log; tries=0
    while [ "$tries" -lt 450 ] && kill -0 "$app" 2>/dev/null && ! grep -q "Result shown: file=" "$log" 2>/dev/null; do
      sleep 0.2; tries=$((tries + 1)); done
    kill "$app" 2>/dev/null; wait "$app" || true' sh)
  traced=$have_strace; have_strace=0
  launch window-photo none until_result "$photo" || true
  have_strace=$traced
  app_log=$sandbox/window-photo/home/.local/share/haski-desktop/logs/haski-desktop.log
  if grep -q "Result shown: file=$(basename "$photo")" "$app_log" 2>/dev/null; then
    pass "window-photo: the launcher given $(basename "$photo") opened the window and showed its result"
  else
    fail "window-photo: no 'Result shown: file=$(basename "$photo")' in $app_log; the launcher said:"
    sed 's/^/    /' "$sandbox/window-photo.out" | tail -20 >&2
  fi
fi

if [ "$failures" -gt 0 ]; then echo "packaging test: $failures failure(s)" >&2; exit 1; fi
echo "packaging test passed"
