#!/usr/bin/env bash
# Puts wide-gamut ICC colour profiles into DIR (default: $XDG_CACHE_HOME/haski-icc-profiles, else
# ~/.cache/haski-icc-profiles), taken from Debian's colord-data package (the profiles are CC0-1.0 in its copyright
# file), each checked against the SHA-256 pinned below, with DIR/PROVENANCE.tsv saying where each came from. Tests
# turn public photos into profile-tagged JPEGs with them, as wide-gamut cameras and phones write them.
#
# Needs apt-get (`apt-get download` needs no root) and dpkg-deb; nothing is installed. A DIR whose files all match
# is left as it is. Exit status: 0 done, 2 cannot fetch here (message says why), 1 a file differs from its pin.
set -euo pipefail

dir="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/haski-icc-profiles}"
package=colord-data
colord=usr/share/color/icc/colord
# name in DIR|path inside the package|sha256
profiles=(
  "AdobeRGB1998.icc|$colord/AdobeRGB1998.icc|ba7062c37f90353145601f79fd05e3bf74b844dc3fb78f28f9d7afdd192272f8"
  "ProPhotoRGB.icc|$colord/ProPhotoRGB.icc|131134477dbb07229ead5bda1b2f6d5934d1e708c622d8013476ba18c7a32347"
  "ECI-RGBv2.icc|$colord/ECI-RGBv2.icc|51e1ea54ef370ad4e92e8e9e31675a9917437f881bce31c7bf64bc78b9d66065"
  "Rec709.icc|$colord/Rec709.icc|1ba328c21d837a559f926aed6f7bc46727e70e32236b849094f5e26d1296a9f2"
)

matches() { [ -f "$1" ] && echo "$2  $1" | sha256sum -c --status; }

complete() {
  [ -f "$dir/PROVENANCE.tsv" ] || return 1
  local entry name sha
  for entry in "${profiles[@]}"; do
    IFS='|' read -r name _ sha <<<"$entry"
    matches "$dir/$name" "$sha" || return 1
  done
}

if complete; then
  echo "ICC profiles: up to date in $dir"
  exit 0
fi
how="Run this script again on a Debian or Ubuntu machine (it needs apt-get download $package, no root), or put \
the profiles named in it into $dir by hand."
for tool in apt-get dpkg-deb sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || { echo "ICC profiles: $tool not found, cannot fetch. $how" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! (cd "$work" && apt-get download "$package" >"$work/apt.log" 2>&1); then
  apt-get update -qq >/dev/null 2>&1 || true
  if ! (cd "$work" && apt-get download "$package" >"$work/apt.log" 2>&1); then
    echo "ICC profiles: apt-get download $package failed (offline, or not in this machine's apt sources):" >&2
    sed 's/^/  /' "$work/apt.log" >&2
    echo "$how" >&2
    exit 2
  fi
fi
deb=$(ls "$work"/*.deb)
version=$(dpkg-deb -f "$deb" Version)
dpkg-deb -x "$deb" "$work/unpacked"

mkdir -p "$dir"
provenance="$work/PROVENANCE.tsv"
printf 'file\tdebian_package\tpath_in_package\tlicence\tsha256\n' > "$provenance"
for entry in "${profiles[@]}"; do
  IFS='|' read -r name path sha <<<"$entry"
  if ! matches "$work/unpacked/$path" "$sha"; then
    echo "ICC profiles: $path in $package $version does not have the pinned SHA-256 $sha; check the new file and" \
      "update the pin in $0" >&2
    exit 1
  fi
  cp "$work/unpacked/$path" "$dir/.$name.part"
  mv "$dir/.$name.part" "$dir/$name"
  printf '%s\t%s %s\t%s\t%s\t%s\n' "$name" "$package" "$version" "$path" "CC0-1.0" "$sha" >> "$provenance"
done
mv "$provenance" "$dir/PROVENANCE.tsv"
echo "ICC profiles: fetched ${#profiles[@]} profiles from $package into $dir"
