#!/usr/bin/env bash
# Installs the Debian packages asanasim needs to build, test and run.
# Idempotent: prints nothing and installs nothing when every package is already there.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libtbb-dev libsqlite3-dev sqlite3 libabsl-dev libcurl4-openssl-dev libzstd-dev zstd
  libgtest-dev libgmock-dev libbenchmark-dev librandom123-dev libxxhash-dev nlohmann-json3-dev
  libtomlplusplus-dev
  clang-format  # .ci/run checks formatting
  tzdata   # real time zones (absl::TimeZone reads /usr/share/zoneinfo)
  python3  # the tests' fake Groq server (tests/llm/fake_groq.py; standard library only)
  file  # cpack's .deb: dpkg-shlibdeps finds the binary's libraries (CPACK_DEBIAN_PACKAGE_SHLIBDEPS)
  groff-base man-db bsdextrautils  # the install and package tests render the man pages (groff, man, col)
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
