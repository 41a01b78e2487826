#!/usr/bin/env bash
# Takes the README's screenshots of the real app: starts the packaged jar under a virtual X display (Xvfb) with a
# public photo opened at launch (--open), waits until the app's own log says the photo was analysed, and captures
# the screen with ImageMagick's import.
#
#   tools/screenshots.sh [OUTPUT_DIR]      (default docs/screenshots)
#
# Needs xvfb-run and import (Debian: apt-get install xvfb imagemagick; installed here when run as root), the
# public photos (tools/fetch-public-photos.sh) and target/haski-desktop.jar (built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
photos=${HASKI_PHOTOS:-${XDG_CACHE_HOME:-$HOME/.cache}/haski-public-photos}
mkdir -p "$out"

if ! command -v xvfb-run >/dev/null || ! command -v import >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xauth imagemagick libgtk-3-0
  else
    echo "tools/screenshots.sh needs xvfb-run and import: apt-get install xvfb imagemagick" >&2
    exit 2
  fi
fi
[ -f target/haski-desktop.jar ] || mvn -q -B -DskipTests package

# shoot NAME WIDTHxHEIGHT PHOTO: one screenshot of the app showing PHOTO's result on a screen of that size.
shoot() {
  local name=$1 size=$2 photo=$3
  local data
  data=$(mktemp -d)
  HASKI_SHOT_DATA=$data HASKI_SHOT_PHOTO=$photo HASKI_SHOT_FILE=$out/$name.png \
    xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
      java -Dhaski.data.dir="$HASKI_SHOT_DATA" -jar target/haski-desktop.jar --open "$HASKI_SHOT_PHOTO" \
        >"$HASKI_SHOT_DATA/app.out" 2>&1 &
      pid=$!
      log=$HASKI_SHOT_DATA/logs/haski-desktop.log
      for _ in $(seq 1 120); do
        grep -qE "Analysed file=|Analysis failed" "$log" 2>/dev/null && break
        sleep 0.5
      done
      sleep 2  # let the result render
      # -trim drops the empty screen around a window smaller than the screen.
      import -window root -trim +repage "$HASKI_SHOT_FILE"
      kill "$pid"; wait "$pid" 2>/dev/null || true'
  if ! grep -qE "Analysed file=|Analysis failed" "$data/logs/haski-desktop.log" 2>/dev/null; then
    echo "no analysis logged for $name; the app said:" >&2
    cat "$data/app.out" >&2
    exit 1
  fi
  rm -rf "$data"
  echo "$out/$name.png"
}

shoot main-1280x800 1280x800 "$photos/phone_IMG_1054.JPG"
shoot phone-12mp-1024x700 1024x700 "$photos/phone_IMG_20200827_231612.jpg"
shoot full-hd-1920x1080 1920x1080 "$photos/skimage_astronaut.png"
shoot broken-file-1280x800 1280x800 "$photos/broken_skimage_truncated.jpg"
