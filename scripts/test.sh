#!/usr/bin/env bash
# Sets up, builds (tests and benchmark smoke tests included) and runs the whole test suite.
# Extra arguments go to ctest (e.g. -L integration, -R Determinism).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh -DASANASIM_BUILD_TESTS=ON -DASANASIM_BUILD_BENCHMARKS=ON
cd "${BUILD_DIR:-build}"
ctest --output-on-failure -j "$(nproc)" "$@"
