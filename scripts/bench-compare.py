#!/usr/bin/env python3
"""Compares two asanasim builds on this machine in one run (scripts/bench.sh --baseline REV).

Each measure alternates the two binaries, round after round, so that both see the same machine
(a shared 2-core box drifts by 2x over a day); the table shows the medians and new/base.

  end to end   `generate --orgs N` wall time -> rows/s (rows from the manifest)
  merge        `merge` of four --org-range shards each binary wrote itself -> rows/s
  readers      reader_bench (of the new build) on the file each binary wrote: queries/s of a
               user's open tasks, a task's stories in order, a project's tasks by section
  size, hash   the files' bytes and whether the content hashes agree
  peak RSS     the manifests' peak_rss_kib of the end-to-end runs

usage: bench-compare.py BASE_BIN NEW_BIN READER_BENCH OUT_DIR SCRATCH [--rounds N] [--orgs N]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def run(cmd, env=None):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)


def timed(cmd):
    start = time.perf_counter()
    run(cmd)
    return time.perf_counter() - start


def manifest(path):
    with open(path + ".manifest.json") as f:
        return json.load(f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("new")
    ap.add_argument("reader_bench")
    ap.add_argument("out")
    ap.add_argument("scratch")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--orgs", type=int, default=8)
    a = ap.parse_args()
    bins = {"base": a.base, "new": a.new}
    results = {"base": {}, "new": {}}

    # End to end, alternating.
    e2e = {k: [] for k in bins}
    rows = {}
    for r in range(a.rounds):
        for k, b in (bins.items() if r % 2 == 0 else reversed(list(bins.items()))):
            path = os.path.join(a.scratch, f"e2e-{k}.sqlite")
            seconds = timed([b, "generate", "-q", "--force", "--orgs", str(a.orgs), "-o", path])
            m = manifest(path)
            rows[k] = m["total_rows"]
            e2e[k].append(m["total_rows"] / seconds)
            results[k]["peak_rss_kib"] = m.get("peak_rss_kib", 0)
            results[k]["content_hash"] = m.get("content_hash", "")
            results[k]["bytes"] = os.path.getsize(path)
    print(f"bench-compare: end to end done ({a.rounds} rounds)", file=sys.stderr)

    # Merge: four slices of the same universe, written by each binary, merged by it.
    merge = {k: [] for k in bins}
    slices = [(i * a.orgs // 4, (i + 1) * a.orgs // 4) for i in range(4)]
    shards = {k: [] for k in bins}
    for k, b in bins.items():
        for lo, hi in slices:
            p = os.path.join(a.scratch, f"shard-{k}-{lo}.sqlite")
            run([b, "generate", "-q", "--force", "--orgs", str(a.orgs), "--org-range", f"{lo}:{hi}",
                 "-o", p])
            shards[k].append(p)
    for r in range(a.rounds):
        for k, b in (bins.items() if r % 2 == 0 else reversed(list(bins.items()))):
            out = os.path.join(a.scratch, f"merged-{k}.sqlite")
            seconds = timed([b, "merge", "-q", "--force", out] + shards[k])
            merge[k].append(manifest(out)["total_rows"] / seconds)
            results[k]["merge_hash"] = manifest(out).get("content_hash", "")
    print(f"bench-compare: merge done ({a.rounds} rounds)", file=sys.stderr)

    # Readers: the new build's reader_bench on each binary's end-to-end file, alternating the two
    # files round by round like the rest (one run per file was at the mercy of the machine's mood:
    # a 0.85x that alternating showed to be 1.08x), each round's figure the median of 3.
    samples = {k: {} for k in bins}
    for r in range(a.rounds):
        for k in (list(bins) if r % 2 == 0 else list(bins)[::-1]):
            env = dict(os.environ, ASANASIM_READER_DB=os.path.join(a.scratch, f"e2e-{k}.sqlite"))
            js = os.path.join(a.out, f"reader-{k}-{r}.json")
            run([a.reader_bench, "--benchmark_repetitions=3", f"--benchmark_out={js}",
                 "--benchmark_out_format=json"], env=env)
            with open(js) as f:
                for bm in json.load(f)["benchmarks"]:
                    if bm.get("aggregate_name") == "median":
                        samples[k].setdefault(bm["run_name"], []).append(bm["items_per_second"])
    readers = {k: {name: statistics.median(v) for name, v in samples[k].items()} for k in bins}
    print("bench-compare: readers done", file=sys.stderr)

    table = []
    med = {k: statistics.median(v) for k, v in e2e.items()}
    table.append((f"end to end, --orgs {a.orgs} ({rows['new']:,} rows)", med["base"], med["new"],
                  "rows/s"))
    medm = {k: statistics.median(v) for k, v in merge.items()}
    table.append(("merge of 4 shards", medm["base"], medm["new"], "rows/s"))
    for name in sorted(readers["new"]):
        table.append((f"reader {name.replace('BM_', '')}", readers["base"].get(name, float("nan")),
                      readers["new"][name], "queries/s"))
    table.append(("file size", results["base"]["bytes"] / 2**20, results["new"]["bytes"] / 2**20,
                  "MiB"))
    table.append(("peak RSS (end to end)", results["base"]["peak_rss_kib"] / 1024,
                  results["new"]["peak_rss_kib"] / 1024, "MiB"))
    width = max(len(t[0]) for t in table)
    print(f"  {'':<{width}}  {'base':>14}  {'new':>14}  new/base")
    for name, base, new, unit in table:
        print(f"  {name:<{width}}  {base:>14,.1f}  {new:>14,.1f}  {new / base:>7.2f}x  {unit}")
    same = results["base"]["content_hash"] == results["new"]["content_hash"]
    same_merge = results["base"]["merge_hash"] == results["new"]["merge_hash"]
    print(f"  content hash: {'the same' if same else 'DIFFERS'} "
          f"({results['new']['content_hash'].get('overall', '?')}); merged: "
          f"{'the same' if same_merge else 'DIFFERS'}")
    with open(os.path.join(a.out, "compare.json"), "w") as f:
        json.dump({"end_to_end": e2e, "merge": merge, "readers": readers, "results": results}, f,
                  indent=1)


if __name__ == "__main__":
    main()
