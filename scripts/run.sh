#!/usr/bin/env bash
# Sets up, builds, and runs `asanasim generate` with the given arguments
# (none: the embedded default, writing output/asana_simulation.sqlite).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh >/dev/null
exec build/asanasim generate "$@"
