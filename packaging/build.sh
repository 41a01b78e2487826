#!/usr/bin/env bash
# Builds the Linux packages of Haski Desktop with JDK 17's jpackage.
#
#   packaging/build.sh            mvn package, then the app-image: target/packaging/image/haski-desktop/
#   packaging/build.sh deb        the same, then the .deb:         target/packaging/deb/haski-desktop_*.deb
#                                 (needs fakeroot and dpkg-dev: apt-get install -y fakeroot dpkg-dev)
#
# HASKI_SKIP_MAVEN=1 reuses target/haski-desktop.jar and target/lib/ from an earlier `mvn package`.
# Linux x86-64 only: TensorFlow Lite's desktop JNI library exists for no other Linux.
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-app-image}
case "$what" in
  app-image|deb) ;;
  *) echo "usage: packaging/build.sh [app-image|deb]" >&2; exit 2 ;;
esac
if [ "$(uname -s)" != Linux ] || [ "$(uname -m)" != x86_64 ]; then
  echo "packaging/build.sh builds Linux x86-64 packages only (this is $(uname -s) $(uname -m))" >&2
  exit 2
fi

java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
jpackage=${java_bin}jpackage
java=${java_bin}java
command -v "$jpackage" >/dev/null || { echo "no jpackage: install a JDK 17 (openjdk-17-jdk-headless)" >&2; exit 2; }

if [ "${HASKI_SKIP_MAVEN:-0}" != 1 ]; then
  mvn -B -q -DskipTests package
fi
[ -f target/haski-desktop.jar ] || { echo "target/haski-desktop.jar is missing: run mvn package" >&2; exit 2; }

# 0.1.0-SNAPSHOT -> 0.1.0: jpackage wants plain numbers.
version=$(sed -n 's:^  <version>\([0-9.]*\).*</version>:\1:p' pom.xml | head -n 1)
out=target/packaging
input=$out/input
rm -rf "$input" "$out/image"
mkdir -p "$input/lib" "$input/native" "$out/image"

# The application jar keeps its manifest Class-Path (lib/*.jar); jars with native libraries are copied without
# them, and this platform's libraries are unpacked into native/NAME, where the launcher's options point.
cp target/haski-desktop.jar "$input/"
slim() { "$java" packaging/tools/SlimJar.java "$@"; }
for jar in target/lib/*.jar; do
  name=$(basename "$jar")
  case "$name" in
    onnxruntime-*.jar)
      slim "$jar" "$input/lib/$name" "$input/native/onnxruntime" \
        'ai/onnxruntime/native/linux-x64/[^/]+\.so' 'ai/onnxruntime/native/.+' ;;
    tflite-native-cpu-*-linux-x86_64.jar)
      slim "$jar" "$input/lib/$name" "$input/native/tflite" 'native/lib/[^/]+\.so' 'native/.*' ;;
    sqlite-jdbc-*.jar)
      slim "$jar" "$input/lib/$name" "$input/native/sqlite" \
        'org/sqlite/native/Linux/x86_64/libsqlitejdbc\.so' 'org/sqlite/native/.+' ;;
    javafx-graphics-*-linux.jar)
      slim "$jar" "$input/lib/$name" "$input/native/javafx" '[^/]+\.so' '[^/]+\.so' ;;
    jna-*.jar)
      # JNA's own native part; the launcher points jna.boot.library.path at native/jna.
      slim "$jar" "$input/lib/$name" "$input/native/jna" \
        'com/sun/jna/linux-x86-64/libjnidispatch\.so' 'com/sun/jna/[a-z0-9]+-[a-z0-9-]+/[^/]+' ;;
    *) cp "$jar" "$input/lib/" ;;
  esac
done
# The face detector's weights are not in the repository: fetched (npm) into the third-party cache and installed
# with its manifest as models/mediapipe-blazeface. Without them the image has no detector, and the app says how to
# add one.
face_rc=0
bash tools/install-face-detector.sh || face_rc=$?
[ -d models/mediapipe-blazeface ] \
  || echo "warning: no face detector (tools/install-face-detector.sh exit $face_rc); the image has none" >&2
cp -r models "$input/models"
mkdir -p "$input/legal"
cp packaging/legal/* "$input/legal/"

# bundle_library FILE DEBIAN_PACKAGE FOLDER LICENCE_NAME WHAT: copies this machine's FILE (from DEBIAN_PACKAGE) into
# native/FOLDER with the package's copyright file as legal/LICENCE_NAME-copyright.txt, when it is installed; without
# it the app uses the target system's copy, or ImageIO for WHAT.
bundle_library() {
  local file=$1 package=$2 folder=$3 licence=$4 what=$5 found="" candidate
  for candidate in "/usr/lib/x86_64-linux-gnu/$file" "/lib/x86_64-linux-gnu/$file"; do
    [ -f "$candidate" ] && { found=$candidate; break; }
  done
  if [ -z "$found" ]; then
    echo "note: no $file on this machine (apt-get install $package); $what use the system's or ImageIO"
    return
  fi
  mkdir -p "$input/native/$folder"
  cp -L "$found" "$input/native/$folder/$file"
  if [ -f "/usr/share/doc/$package/copyright" ]; then
    cp "/usr/share/doc/$package/copyright" "$input/legal/$licence-copyright.txt"
  else
    echo "warning: no /usr/share/doc/$package/copyright; the image lacks $licence's licence text" >&2
  fi
  echo "bundled $found ($(dpkg-query -W -f='${Version}' "$package" 2>/dev/null || echo 'version unknown'))"
}
# libjpeg-turbo's TurboJPEG library (DCT-scaled JPEG decoding); it depends only on libc.
bundle_library libturbojpeg.so.0 libturbojpeg0 turbojpeg libjpeg-turbo JPEGs
# libpng 1.6 (opaque PNGs decoded with SIMD unfiltering); it depends on libz and libm, which every Linux has.
bundle_library libpng16.so.16 libpng16-16 libpng libpng PNGs

# libheif (HEIC/HEIF and AVIF) from this machine with its decoder libraries and their licences, when installed
# (Debian: libheif1). Its libraries that a base system lacks travel with it: libde265 (HEVC), libdav1d and libaom
# (AV1), libx265 and its libnuma (linked by libheif although only encoding uses them). HeifLibrary loads them from
# the folder before libheif. libstdc++, libgcc_s, libz and libc are the system's.
libheif=""
for candidate in /usr/lib/x86_64-linux-gnu/libheif.so.1 /lib/x86_64-linux-gnu/libheif.so.1; do
  [ -f "$candidate" ] && { libheif=$candidate; break; }
done
if [ -n "$libheif" ]; then
  mkdir -p "$input/native/libheif"
  cp -L "$libheif" "$input/native/libheif/libheif.so.1"
  for dep in $(ldd "$libheif" | awk '$3 ~ /^\// {print $3}'); do
    case "$(basename "$dep")" in
      libde265.so.*|libdav1d.so.*|libaom.so.*|libx265.so.*|libnuma.so.*) cp -L "$dep" "$input/native/libheif/" ;;
    esac
  done
  for lib in "$input"/native/libheif/*; do
    package=$(dpkg-query -S "$(basename "$lib")" 2>/dev/null | head -1 | cut -d: -f1)
    if [ -n "$package" ] && [ -f "/usr/share/doc/$package/copyright" ]; then
      cp "/usr/share/doc/$package/copyright" "$input/legal/$package-copyright.txt"
    else
      echo "warning: no licence text found for $(basename "$lib"); the image lacks it" >&2
    fi
  done
  echo "bundled $libheif ($(dpkg-query -W -f='${Version}' libheif1 2>/dev/null || echo 'version unknown')) with" \
    "$(cd "$input/native/libheif" && ls | grep -v '^libheif' | tr '\n' ' ')"
else
  echo "note: no libheif.so.1 on this machine (apt-get install libheif1); HEIC/AVIF use the system's libheif or fail"
fi

"$jpackage" @packaging/jpackage/app-image.options \
  --input "$input" --dest "$out/image" --app-version "$version" --icon packaging/icon/haski-desktop.png
image=$out/image/haski-desktop
# Only for heaps over 32 GB, which the launcher's -Xmx512m rules out: 10 MB never read.
rm -f "$image/lib/runtime/lib/server/classes_nocoops.jsa"
echo "app-image: $image ($(du -sm "$image" | cut -f1) MB)"

if [ "$what" = deb ]; then
  for tool in fakeroot dpkg-deb dpkg-shlibdeps; do
    command -v "$tool" >/dev/null || { echo "the .deb needs $tool: apt-get install -y fakeroot dpkg-dev" >&2; exit 2; }
  done
  rm -rf "$out/deb"
  "$jpackage" @packaging/jpackage/deb.options \
    --app-image "$image" --dest "$out/deb" --app-version "$version" \
    --license-file packaging/legal/LICENSE --icon packaging/icon/haski-desktop.png
  ls -l "$out"/deb/*.deb
fi
