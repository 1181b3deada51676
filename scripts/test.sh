#!/usr/bin/env bash
# What CI runs (.ci/run): sets up the machine, then
#   1. checks formatting (scripts/check-format.sh);
#   2. builds Release with tests and benchmark smoke tests, warnings as errors, into build/, and
#      runs every test (ctest; extra arguments go to this ctest, e.g. -L integration);
#   3. builds Debug with AddressSanitizer and UndefinedBehaviorSanitizer, warnings as errors, into
#      build-asan/, and runs the unit and integration tests there.
# Usage: scripts/test.sh [ctest arguments]     the whole check
#        scripts/test.sh --quick [ctest args]  step 2 only (a quick local loop)
# Environment: BUILD_DIR (default build), ASAN_BUILD_DIR (default build-asan).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
if [[ ${1:-} == --quick ]]; then
  quick=1
  shift
fi
scripts/setup.sh
[[ $quick -eq 1 ]] || scripts/check-format.sh

scripts/build.sh -DASANASIM_BUILD_TESTS=ON -DASANASIM_BUILD_BENCHMARKS=ON -DASANASIM_WERROR=ON
(cd "${BUILD_DIR:-build}" && ctest --output-on-failure -j "$(nproc)" "$@")
[[ $quick -eq 1 ]] && exit 0

echo "test: AddressSanitizer + UndefinedBehaviorSanitizer build (${ASAN_BUILD_DIR:-build-asan})" >&2
BUILD_DIR=${ASAN_BUILD_DIR:-build-asan} BUILD_TYPE=Debug scripts/build.sh \
  -DASANASIM_BUILD_TESTS=ON -DASANASIM_BUILD_BENCHMARKS=OFF -DASANASIM_SANITIZE=ON \
  -DASANASIM_WERROR=ON
(cd "${ASAN_BUILD_DIR:-build-asan}" &&
  ctest --output-on-failure -j "$(nproc)" -L 'unit|integration')
