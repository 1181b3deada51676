#!/usr/bin/env bash
# Prints validate's realism scorecard and rule violations for several databases side by side: one
# row per statistic or rule, one column per database (rules only where some database breaks
# them). For before/after comparisons across seeds and sizes.
#   scripts/scorecard-table.sh [--bin build/asanasim] DB...
set -euo pipefail
here=$(dirname "$0")
# A source tree's build/asanasim; the installed copy (PREFIX/share/asanasim/scripts) uses
# PREFIX/bin/asanasim; else the one on PATH.
if [[ -x "$here/../build/asanasim" ]]; then
  bin="$here/../build/asanasim"
elif [[ -x "$here/../../../bin/asanasim" ]]; then
  bin="$here/../../../bin/asanasim"
else
  bin=$(command -v asanasim || echo "$here/../build/asanasim")
fi
if [[ ${1:-} == --bin ]]; then bin=$2; shift 2; fi
[[ $# -gt 0 ]] || { echo "usage: scripts/scorecard-table.sh [--bin ASANASIM] DB..." >&2; exit 2; }
json=()
err=$(mktemp)
trap 'rm -f "$err"' EXIT
for db in "$@"; do
  # validate exits 1 when something is out of range or broken: a result here, not an error.
  status=0
  out=$("$bin" validate --json --quick "$db" 2>"$err") || status=$?
  if [[ $status -ne 0 && $status -ne 1 ]]; then cat "$err" >&2; exit "$status"; fi
  json+=("$out")
done
python3 - "$@" -- "${json[@]}" <<'PY'
import json, os, sys
args = sys.argv[1:]
split = args.index("--")
names = [os.path.basename(a).rsplit(".sqlite", 1)[0] for a in args[:split]]
reports = [json.loads(j) for j in args[split + 1:]]
width = max(8, max(len(n) for n in names) + 1)
print(f"{'statistic':32}{'band':>14}" + "".join(f"{n:>{width}}" for n in names))
for i, s in enumerate(reports[0]["stats"]):
    band = f"[{s['lo']:g}, {s['hi']:g}]"
    cells = []
    for r in reports:
        x = r["stats"][i]
        mark = "" if not x["judged"] else ("" if x["in_range"] else "!")
        cells.append(f"{x['value']:.3f}{mark}")
    print(f"{s['name']:32}{band:>14}" + "".join(f"{c:>{width}}" for c in cells))
broken = [i for i, rule in enumerate(reports[0]["rules"])
          if any(r["rules"][i]["violations"] for r in reports)]
for i in broken:
    name = reports[0]["rules"][i]["name"]
    print(f"{'rule ' + name:46}" + "".join(f"{r['rules'][i]['violations']:>{width}}" for r in reports))
if not broken:
    print("every rule holds in every database")
PY
