#!/usr/bin/env bash
# Sets up the machine (scripts/setup.sh), then configures and builds into build/.
# Usage: scripts/build.sh [extra cmake -D arguments...]
# Environment: BUILD_DIR (default build), BUILD_TYPE (default Release).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
