#!/usr/bin/env bash
# Fails when a C++ file in the repository differs from what clang-format (.clang-format) makes of
# it. Fix with: clang-format -i <files>   (scripts/check-format.sh --fix does it for every file).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.h' '*.cc')
if [[ ${1:-} == --fix ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run -Werror "${files[@]}" 2>/tmp/asanasim-format.$$; then
  grep -E '^[^ ].*error:' /tmp/asanasim-format.$$ | cut -d: -f1 | sort -u | sed 's/^/not formatted: /' >&2
  rm -f /tmp/asanasim-format.$$
  echo "format: run scripts/check-format.sh --fix" >&2
  exit 1
fi
rm -f /tmp/asanasim-format.$$
echo "format: ok (${#files[@]} files)"
