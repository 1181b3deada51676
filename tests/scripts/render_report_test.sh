#!/usr/bin/env bash
# validate --report, then scripts/render-report.sh: a real PNG of the page from headless
# Chromium (installed by the script when missing and running as root; skipped otherwise), read
# back pixel by pixel: as tall as the page, no blank band or cut at the bottom, a heatmap of
# many shades and its colour scale.
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
bash "$root/scripts/render-report.sh" "$tmp/r.html" "$tmp/r.png" >"$tmp/said" 2>"$tmp/err" ||
  fail "render-report failed: $(cat "$tmp/err")"
[[ ! -s "$tmp/err" ]] || fail "render-report warned at the page's own size: $(cat "$tmp/err")"
# "render-report: wrote OUT (940x3456; the page is 940x3456)"
[[ $(cat "$tmp/said") =~ the\ page\ is\ ([0-9]+)x([0-9]+) ]] || fail "no page size in: $(cat "$tmp/said")"
page_height=${BASH_REMATCH[2]}

# The PNG decoded with the standard library only (zlib, struct): 8-bit RGB or RGBA, filter types
# 0-4. Prints what it measured; exits 1 naming the first check that fails.
cat >"$tmp/check.py" <<'PY'
import struct, sys, zlib

def fail(message):
    sys.exit('render_report_test: ' + message)

def decode(path):
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        fail('not a PNG')
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        if kind == b'IHDR':
            ihdr = struct.unpack('>IIBBBBB', data[pos + 8:pos + 21])
        elif kind == b'IDAT':
            idat.append(data[pos + 8:pos + 8 + n])
        pos += 12 + n
    width, height, depth, colour, _, _, interlace = ihdr
    if depth != 8 or colour not in (2, 6) or interlace:
        fail('PNG is not 8-bit RGB/RGBA without interlace: IHDR %r' % (ihdr,))
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b''.join(idat))
    stride = width * bpp
    if len(raw) != height * (stride + 1):
        fail('PNG data is %d bytes, want %d' % (len(raw), height * (stride + 1)))
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:  # Sub
            for x in range(bpp, stride):
                line[x] = (line[x] + line[x - bpp]) & 255
        elif kind == 2:  # Up
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif kind == 3:  # Average
            for x in range(stride):
                left = line[x - bpp] if x >= bpp else 0
                line[x] = (line[x] + ((left + prev[x]) >> 1)) & 255
        elif kind == 4:  # Paeth
            for x in range(stride):
                a, c = (line[x - bpp], prev[x - bpp]) if x >= bpp else (0, 0)
                b = prev[x]
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        elif kind != 0:
            fail('row %d has filter type %d' % (y, kind))
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, bpp)])
        prev = line
    return width, height, rows

path, want_width, want_height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
width, height, rows = decode(path)
print('render_report_test: PNG %dx%d' % (width, height))
if (width, height) != (want_width, want_height):
    fail('PNG is %dx%d, want the page\'s %dx%d' % (width, height, want_width, want_height))

# The page ends in its body margin (24 px): content close to the bottom, but not in the last rows
# (a cut page) nor far above them (a blank band).
WHITE = (255, 255, 255)
filled = [y for y in range(height) if any(p != WHITE for p in rows[y])]
if not filled:
    fail('the image is blank')
top_gap, bottom_gap = filled[0], height - 1 - filled[-1]
print('render_report_test: blank rows above the content %d, below it %d' % (top_gap, bottom_gap))
if not 8 <= bottom_gap <= 40:
    fail('%d blank rows at the bottom, want 8-40 (the body margin)' % bottom_gap)

# The heatmap's colours all lie on one line in RGB (HeatColour in report_html.cc): t = 0 is
# rgb(240,244,250), t = 1 is rgb(30,94,190), the busiest cell.
def heat(p):
    r, g, b = p
    t = (240 - r) / 210
    return -0.03 <= t <= 1.03 and abs(g - (244 - 150 * t)) <= 3 and abs(b - (250 - 60 * t)) <= 3

def near(p, q, slack):
    return all(abs(a - b) <= slack for a, b in zip(p, q))

# The colour scale: a run of 200+ heat pixels in one row, graded (60+ shades) from light to dark.
# The cells are 30 px runs of one shade; the tasks-per-assignee area is one shade.
legend = None
for y in range(height):
    run = []
    for p in rows[y] + [WHITE]:
        if heat(p):
            run.append(p)
            continue
        if len(run) >= 200 and len(set(run)) >= 60 and run[0][0] >= 225 and run[-1][0] <= 45:
            legend = (y, run)
            break
        run = []
    if legend:
        break
if legend is None:
    fail('no colour scale: no row holds a graded run of heatmap colours')
y, run = legend
print('render_report_test: colour scale at row %d, %d px, %d shades, %r to %r' %
      (y, len(run), len(set(run)), run[0], run[-1]))
if not (near(run[0], (240, 244, 250), 8) and near(run[-1], (30, 94, 190), 8)):
    fail('the colour scale runs %r to %r, not the heatmap\'s ends' % (run[0], run[-1]))

# The heatmap above it: many shades, the darkest among them.
shades = set()
for row in rows[max(0, y - 260):y - 30]:
    shades.update(p for p in row if heat(p) and p[0] < 236)
print('render_report_test: heatmap shades %d' % len(shades))
if len(shades) < 8:
    fail('the heatmap has %d shades, want 8 or more' % len(shades))
if not any(near(p, (30, 94, 190), 2) for p in shades):
    fail('the heatmap lacks its busiest cell\'s colour rgb(30,94,190)')
PY
python3 "$tmp/check.py" "$tmp/r.png" 940 "$page_height" || fail "the PNG of the page is wrong"
((page_height != 2400 && page_height != 2900)) || fail "the page is ${page_height} px: a fixed window?"
size=$(stat -c %s "$tmp/r.png")
# A blank page compresses to a few KB; the charts and tables make it far larger.
((size > 60000)) || fail "PNG is only $size bytes: the page did not render"
echo "render_report_test: 940x${page_height}, $size bytes"

# An explicit size still rules; one shorter than the page says what it cuts.
bash "$root/scripts/render-report.sh" "$tmp/r.html" "$tmp/short.png" 940 1200 >/dev/null 2>"$tmp/err" ||
  fail "render-report 940 1200 failed: $(cat "$tmp/err")"
hex() { dd if="$tmp/short.png" bs=1 skip="$1" count="$2" 2>/dev/null | od -An -tx1 | tr -d ' \n'; }
[[ $((16#$(hex 16 4)))x$((16#$(hex 20 4))) == 940x1200 ]] || fail "940 1200 did not make a 940x1200 PNG"
grep -q "the page is $page_height px tall: the image shows only its top 1200 px" "$tmp/err" ||
  fail "no word of the cut: $(cat "$tmp/err")"

# Bad input: exit 2, nothing written.
if bash "$root/scripts/render-report.sh" "$tmp/missing.html" "$tmp/x.png" 2>"$tmp/err"; then
  fail "a missing report was accepted"
else
  [[ $? -eq 2 ]] || fail "a missing report did not exit 2"
fi
grep -q "no such report" "$tmp/err" || fail "no clear message: $(cat "$tmp/err")"
[[ ! -e "$tmp/x.png" ]] || fail "an image appeared for a missing report"
echo "render_report_test: ok"
