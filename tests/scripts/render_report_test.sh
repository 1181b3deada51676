#!/usr/bin/env bash
# validate --report, then scripts/render-report.sh: a real PNG of the page from headless
# Chromium (installed by the script when missing and running as root; skipped otherwise).
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "render_report_test: $*" >&2; exit 1; }

if ! command -v chromium >/dev/null && [[ $(id -u) -ne 0 ]]; then
  echo "render_report_test: skipped (no chromium, and not root to install it)"
  exit 77
fi

"$build/asanasim" generate --users 80 --projects 12 --out "$tmp/w.sqlite" --quiet
"$build/asanasim" validate --report "$tmp/r.html" "$tmp/w.sqlite" >"$tmp/out.txt"
bash "$root/scripts/render-report.sh" "$tmp/r.html" "$tmp/r.png" 940 2400

hex() { dd if="$tmp/r.png" bs=1 skip="$1" count="$2" 2>/dev/null | od -An -tx1 | tr -d ' \n'; }
[[ $(hex 0 8) == 89504e470d0a1a0a ]] || fail "not a PNG"
width=$((16#$(hex 16 4)))
height=$((16#$(hex 20 4)))
[[ $width -eq 940 && $height -eq 2400 ]] || fail "PNG is ${width}x${height}, want 940x2400"
size=$(stat -c %s "$tmp/r.png")
# A blank page compresses to a few KB; the charts and tables make it far larger.
((size > 60000)) || fail "PNG is only $size bytes: the page did not render"
echo "render_report_test: ${width}x${height}, $size bytes"

# Bad input: exit 2, nothing written.
if bash "$root/scripts/render-report.sh" "$tmp/missing.html" "$tmp/x.png" 2>"$tmp/err"; then
  fail "a missing report was accepted"
else
  [[ $? -eq 2 ]] || fail "a missing report did not exit 2"
fi
grep -q "no such report" "$tmp/err" || fail "no clear message: $(cat "$tmp/err")"
[[ ! -e "$tmp/x.png" ]] || fail "an image appeared for a missing report"
echo "render_report_test: ok"
