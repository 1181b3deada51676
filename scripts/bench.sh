#!/usr/bin/env bash
# Builds Release (build-bench/), runs the benchmark suite with repetitions, and prints one table:
# writer ceiling vs the bare SQLite loop, end-to-end rows/s vs the ceiling, generation-only rows/s
# per thread count and its scaling, and peak RSS of `asanasim generate` at two sizes ten times
# apart, and the readers' queries/s (reader_bench). Raw Google Benchmark JSON and the RSS runs'
# manifests go to results/<time>-<commit>/ so versions can be compared.
#
#   scripts/bench.sh [--repetitions N] [--long] [--baseline REV]
#
# --long adds one ~60-million-row generate (about ten minutes) and reports its time, size and RSS.
# --baseline REV builds revision REV (e.g. origin/main, a commit) beside this tree in
# build-bench-base/ and compares the two in one run, alternating them round by round
# (scripts/bench-compare.py): end-to-end and merge rows/s, the readers on each one's file, file
# size, peak RSS, and whether the content hashes agree.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=5 long=0 baseline=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repetitions) reps=$2; shift 2 ;;
    --long) long=1; shift ;;
    --baseline) baseline=$2; shift 2 ;;
    *) echo "bench.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { scripts/setup.sh; sudo=""; [[ $(id -u) -eq 0 ]] || sudo=sudo; $sudo apt-get install -y -qq python3 >/dev/null; }
BUILD_DIR=build-bench BUILD_TYPE=Release scripts/build.sh -DASANASIM_BUILD_BENCHMARKS=ON -DASANASIM_BUILD_TESTS=OFF >/dev/null
bin=build-bench/asanasim
out="results/$(date -u +%Y%m%dT%H%M%SZ)-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
mkdir -p "$out"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/asanasim_bench_XXXXXX")
trap 'rm -rf "$scratch"' EXIT

for area in writer pipeline gen rng reader; do
  echo "bench.sh: ${area}_bench ($reps repetitions)..." >&2
  "build-bench/bench/${area}_bench" --benchmark_repetitions="$reps" --benchmark_out="$out/$area.json" \
    --benchmark_out_format=json >/dev/null
done

# Peak RSS at two sizes ten times apart (the manifest records it).
for orgs in 3 30; do
  echo "bench.sh: peak RSS of generate --orgs $orgs..." >&2
  "$bin" generate --quiet --force --orgs "$orgs" --out "$scratch/rss-$orgs.sqlite"
  cp "$scratch/rss-$orgs.sqlite.manifest.json" "$out/rss-$orgs.manifest.json"
done
if [[ $long -eq 1 ]]; then
  echo "bench.sh: the long run (--orgs 1200, about 60 million rows)..." >&2
  "$bin" generate --quiet --force --orgs 1200 --out "$scratch/long.sqlite"
  cp "$scratch/long.sqlite.manifest.json" "$out/long.manifest.json"
  ls -l "$scratch/long.sqlite" | awk '{print $5}' > "$out/long.bytes"
fi

python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]

def medians(name):
    with open(os.path.join(out, name + ".json")) as f:
        data = json.load(f)
    res = {}
    for b in data["benchmarks"]:
        if b.get("aggregate_name") == "median":
            res[b["run_name"]] = b
    return res

w = medians("writer"); p = medians("pipeline")
def rate(d, key):
    for k, v in d.items():
        if k.startswith(key):
            return v["items_per_second"]
    return float("nan")

ceiling = rate(w, "BM_Writer/4/"); bare = rate(w, "BM_BareLoop/4/")
e2e = {k.split("threads:")[1].split("/")[0]: v["items_per_second"] for k, v in p.items() if k.startswith("BM_EndToEnd")}
gen = {k.split("threads:")[1].split("/")[0]: v["items_per_second"] for k, v in p.items() if k.startswith("BM_GenerateOnly")}
best_e2e = max(e2e.values())
rss = {}
for orgs in (3, 30):
    m = json.load(open(os.path.join(out, f"rss-{orgs}.manifest.json")))
    rss[orgs] = (m["total_rows"], m["peak_rss_kib"] / 1024)

rows = [
    ("writer ceiling (4 orgs, real writer, indexes incl.)", f"{ceiling:,.0f} rows/s", ""),
    ("bare SQLite loop, same rows", f"{bare:,.0f} rows/s", f"writer / bare = {ceiling / bare:.2f} (target >= 0.85)"),
]
for t in sorted(e2e, key=int):
    rows.append((f"end to end, {t} thread(s)", f"{e2e[t]:,.0f} rows/s", f"/ ceiling = {e2e[t] / ceiling:.2f}"))
rows.append(("end to end, best", f"{best_e2e:,.0f} rows/s", f"/ ceiling = {best_e2e / ceiling:.2f} (target >= 0.9)"))
for t in sorted(gen, key=int):
    rows.append((f"generation only, {t} thread(s)", f"{gen[t]:,.0f} rows/s", ""))
if "1" in gen and "2" in gen:
    rows.append(("generation scaling 1 -> 2 threads", f"{gen['2'] / gen['1']:.2f}x", "(target >= 1.8)"))
rows.append((f"peak RSS, --orgs 3 ({rss[3][0]:,} rows)", f"{rss[3][1]:.0f} MiB", ""))
rows.append((f"peak RSS, --orgs 30 ({rss[30][0]:,} rows)", f"{rss[30][1]:.0f} MiB",
             f"ratio {rss[30][1] / rss[3][1]:.2f} (target <= 1.2, < 300 MB)"))
if os.path.exists(os.path.join(out, "long.manifest.json")):
    m = json.load(open(os.path.join(out, "long.manifest.json")))
    size = int(open(os.path.join(out, "long.bytes")).read())
    rows.append((f"long run: {m['total_rows']:,} rows", f"{m['timings_s']['total']:.0f} s",
                 f"{m['total_rows'] / m['timings_s']['total']:,.0f} rows/s, {size / 2**30:.1f} GiB, "
                 f"peak RSS {m['peak_rss_kib'] / 1024:.0f} MiB"))
rd = medians("reader")
for name in ("BM_UserOpenTasks", "BM_TaskStories", "BM_ProjectTasksBySection"):
    label = {"BM_UserOpenTasks": "a user's open tasks", "BM_TaskStories": "a task's stories in order",
             "BM_ProjectTasksBySection": "a project's tasks by section"}[name]
    for run_name, b in rd.items():
        if run_name.split("/")[0] == name:
            rows.append((f"reader: {label}", f"{b['items_per_second']:,.0f} queries/s",
                         f"{b['rows/query']:.1f} rows per query"))
width = max(len(r[0]) for r in rows)
print(f"asanasim bench, {out}")
for name, value, note in rows:
    print(f"  {name:<{width}}  {value:>18}  {note}")
PY

if [[ -n "$baseline" ]]; then
  echo "bench.sh: building the baseline $baseline into build-bench-base/..." >&2
  rev=$(git rev-parse --verify "$baseline^{commit}") || { echo "bench.sh: no revision $baseline" >&2; exit 2; }
  # Built once per revision (build-bench-base/REVISION names the one there).
  if [[ ! -x build-bench-base/build/asanasim || $(cat build-bench-base/REVISION 2>/dev/null) != "$rev" ]]; then
    rm -rf build-bench-base
    mkdir -p build-bench-base/src
    git archive --format=tar "$rev" | tar -x -C build-bench-base/src
    (cd build-bench-base/src && BUILD_DIR=../build BUILD_TYPE=Release scripts/build.sh \
      -DASANASIM_BUILD_BENCHMARKS=OFF -DASANASIM_BUILD_TESTS=OFF >/dev/null)
    echo "$rev" >build-bench-base/REVISION
  fi
  echo "asanasim compare: base $(git rev-parse --short "$rev") vs this tree ($(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ', with changes'))"
  python3 scripts/bench-compare.py build-bench-base/build/asanasim "$bin" build-bench/bench/reader_bench \
    "$out" "$scratch" --rounds "$reps"
fi
