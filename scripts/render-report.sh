#!/usr/bin/env bash
# Renders a `asanasim validate --report` page to a PNG with headless Chromium (Debian's
# `chromium` package), so a person can look at it without a browser.
#
#   scripts/render-report.sh REPORT.html [OUT.png] [WIDTH [HEIGHT]]
#
# OUT defaults to REPORT.png; the page is drawn WIDTH pixels wide (default 940) and, unless
# HEIGHT is given, exactly as tall as it is: a first headless pass measures the laid-out page (a
# copy of it with one line of script appended; the report itself has none), the second takes the
# screenshot. A HEIGHT or WIDTH smaller than the page still renders, cut, and says so on stderr.
# Installs chromium with apt-get when it is missing and this runs as root; otherwise says how to
# install it. Exit 2 on bad arguments, 1 if rendering fails; the PNG appears only when complete.
set -euo pipefail

die() { echo "render-report: $*" >&2; exit "${2:-2}"; }

[[ $# -ge 1 && $# -le 4 ]] || die "usage: render-report.sh REPORT.html [OUT.png] [WIDTH [HEIGHT]]"
report=$1
out=${2:-${report%.html}.png}
width=${3:-940}
height=${4:-}
[[ -f "$report" ]] || die "no such report: $report"
[[ "$width" =~ ^[1-9][0-9]*$ && "$height" =~ ^([1-9][0-9]*)?$ ]] ||
  die "WIDTH and HEIGHT must be positive whole numbers"
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
# --hide-scrollbars in both passes: the page is laid out at the full WIDTH in each.
chrome=("$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
  --user-data-dir="$tmp/profile")

# Pass 1: lay the page out WIDTH wide in a short window (the document is then no taller than its
# content, where a tall window would pad it) and read its size back from the dumped DOM. A script
# after </html> still runs, once the whole page is parsed. The report is self-contained, so a copy
# of it elsewhere lays out the same.
probe=$tmp/probe.html
{
  cat -- "$report"
  printf '%s\n' '<script>var e=document.documentElement;e.setAttribute("data-render-size",e.scrollWidth+"x"+e.scrollHeight)</script>'
} >"$probe"
"${chrome[@]}" --window-size="$width,100" --dump-dom "file://$probe" >"$tmp/dom" 2>"$tmp/log" ||
  { cat "$tmp/log" >&2; die "chromium failed to lay out $report" 1; }
size=$(grep -o 'data-render-size="[0-9]*x[0-9]*"' "$tmp/dom" | head -n 1 | tr -dc '0-9x')
[[ "$size" =~ ^([0-9]+)x([0-9]+)$ ]] || { cat "$tmp/log" >&2; die "could not measure $report" 1; }
page_width=${BASH_REMATCH[1]}
page_height=${BASH_REMATCH[2]}
((page_height > 0)) || die "$report lays out to an empty page" 1
height=${height:-$page_height}
((height >= page_height)) ||
  echo "render-report: the page is $page_height px tall: the image shows only its top $height px" >&2
((width >= page_width)) ||
  echo "render-report: the page is $page_width px wide: the image shows only its left $width px" >&2

# Pass 2: the screenshot, of the window exactly (Chromium draws the viewport, not the page).
"${chrome[@]}" --window-size="$width,$height" --screenshot="$tmp/page.png" "file://$abs" \
  >"$tmp/log" 2>&1 || { cat "$tmp/log" >&2; die "chromium failed to render $report" 1; }
[[ -s "$tmp/page.png" ]] || { cat "$tmp/log" >&2; die "chromium wrote no image" 1; }
# Chromium may draw less than asked for (a window beyond its limits): say so rather than cut.
png_size() { od -An -tu1 -j"$1" -N4 "$tmp/page.png" | awk '{print (($1*256+$2)*256+$3)*256+$4}'; }
drawn="$(png_size 16)x$(png_size 20)"
[[ "$drawn" == "${width}x${height}" ]] ||
  echo "render-report: chromium drew ${drawn}, not the ${width}x${height} asked for" >&2
mv -f "$tmp/page.png" "$out"
echo "render-report: wrote $out (${drawn}; the page is ${page_width}x${page_height})"
