#!/usr/bin/env bash
# Generates one shard of a sharded dataset. Used by the Slurm array (slurm/asanasim-array.sbatch)
# and by the local runner (shard-local.sh), so both produce the same files.
#
#   shard-task.sh --mode seeds|slices --index I --count N --out-dir DIR
#                 [--base-seed S] [--orgs N] [--threads T] [--bin PATH] [-- generate options...]
#
# seeds:  shard I is an independent dataset with seed S+I        -> DIR/seed-<S+I>.sqlite
# slices: shard I is org slice I of an N-slice cut of --orgs     -> DIR/slice-<I>-of-<N>.sqlite
#         (slice I = orgs [I*orgs/N, (I+1)*orgs/N); the slices merge into one full run)
# A shard whose database and manifest exist and whose content hash matches its manifest is
# skipped; anything else (missing, partial, corrupt) is generated again from scratch.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
mode="" index="" count="" out_dir="" base_seed=42 orgs=1 threads=0 bin="${ASANASIM_BIN:-$here/../build/asanasim}"
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mode) mode=$2; shift 2 ;;
    --index) index=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    --out-dir) out_dir=$2; shift 2 ;;
    --base-seed) base_seed=$2; shift 2 ;;
    --orgs) orgs=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "shard-task: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
die() { echo "shard-task: $*" >&2; exit 2; }
[[ "$mode" == seeds || "$mode" == slices ]] || die "--mode must be seeds or slices"
[[ "$index" =~ ^[0-9]+$ && "$count" =~ ^[0-9]+$ && "$count" -gt 0 ]] || die "--index and --count must be whole numbers (count > 0)"
[[ "$index" -lt "$count" ]] || die "--index $index is not below --count $count"
[[ -n "$out_dir" ]] || die "--out-dir is required"
[[ -x "$bin" ]] || die "asanasim binary not found at $bin (build it, or pass --bin)"
mkdir -p "$out_dir"

args=(--threads "$threads" --quiet --force)
if [[ "$mode" == seeds ]]; then
  seed=$((base_seed + index))
  out="$out_dir/seed-$seed.sqlite"
  args+=(--seed "$seed" --orgs "$orgs")
else
  [[ "$count" -le "$orgs" ]] || die "--count $count slices need at least that many --orgs (have $orgs)"
  begin=$((index * orgs / count))
  end=$(((index + 1) * orgs / count))
  out="$out_dir/slice-$index-of-$count.sqlite"
  args+=(--seed "$base_seed" --orgs "$orgs" --org-range "$begin:$end")
fi

if [[ -f "$out" && -f "$out.manifest.json" ]] && "$bin" hash --check "$out.manifest.json" "$out" >/dev/null 2>&1; then
  echo "shard-task: $out is complete and verified; skipping"
  exit 0
fi
rm -f "$out" "$out.manifest.json" "$out.partial" "$out.partial-wal"
echo "shard-task: generating $out on $(hostname) with ${args[*]} ${extra[*]}"
start=$(date +%s)
"$bin" generate --out "$out" "${args[@]}" "${extra[@]}"
echo "shard-task: wrote $out in $(( $(date +%s) - start )) s"
