#!/usr/bin/env bash
# Renders a `asanasim validate --report` page to a PNG with headless Chromium (Debian's
# `chromium` package), so a person can look at it without a browser.
#
#   scripts/render-report.sh REPORT.html [OUT.png] [WIDTH [HEIGHT]]
#
# OUT defaults to REPORT.png; the page is drawn in a WIDTH x HEIGHT window (default 940 x 2900,
# enough for the whole default report). Installs chromium with apt-get when it is missing and
# this runs as root; otherwise says how to install it. Exit 2 on bad arguments, 1 if rendering
# fails; the PNG appears only when complete.
set -euo pipefail

die() { echo "render-report: $*" >&2; exit "${2:-2}"; }

[[ $# -ge 1 && $# -le 4 ]] || die "usage: render-report.sh REPORT.html [OUT.png] [WIDTH [HEIGHT]]"
report=$1
out=${2:-${report%.html}.png}
width=${3:-940}
height=${4:-2900}
[[ -f "$report" ]] || die "no such report: $report"
[[ "$width" =~ ^[0-9]+$ && "$height" =~ ^[0-9]+$ ]] || die "WIDTH and HEIGHT must be whole numbers"
out_dir=$(dirname -- "$out")
[[ -d "$out_dir" ]] || die "no directory for $out"

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "render-report: installing chromium (apt-get)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null ||
      { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; } ||
      die "could not install chromium" 1
    browser=$(command -v chromium)
  else
    die "needs Chromium: sudo apt-get install chromium" 1
  fi
fi

abs=$(cd "$(dirname -- "$report")" && pwd)/$(basename -- "$report")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# --no-sandbox: CI and containers run as root, where Chromium's sandbox refuses to start.
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --user-data-dir="$tmp/profile" --window-size="$width,$height" \
  --screenshot="$tmp/page.png" "file://$abs" >"$tmp/log" 2>&1 ||
  { cat "$tmp/log" >&2; die "chromium failed to render $report" 1; }
[[ -s "$tmp/page.png" ]] || { cat "$tmp/log" >&2; die "chromium wrote no image" 1; }
mv -f "$tmp/page.png" "$out"
echo "render-report: wrote $out (${width}x${height})"
