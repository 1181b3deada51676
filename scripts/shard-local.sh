#!/usr/bin/env bash
# Runs the shards of a sharded dataset on this machine, a few at a time (xargs -P), exactly as
# the Slurm array would: the same shard-task.sh, the same files, the same skip-if-verified rule.
#
#   shard-local.sh --mode seeds|slices --shards N --out-dir DIR [--jobs J] [--threads T]
#                  [--base-seed S] [--orgs N] [--bin PATH] [-- generate options...]
#
# Logs go to DIR/logs/shard-<i>.log. Exits non-zero if any shard failed (re-run to retry them).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
mode="" shards="" out_dir="" jobs=2 threads=1 base_seed=42 orgs=1 bin="${ASANASIM_BIN:-$here/../build/asanasim}"
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mode) mode=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    --out-dir) out_dir=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --base-seed) base_seed=$2; shift 2 ;;
    --orgs) orgs=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "shard-local: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[[ "$shards" =~ ^[0-9]+$ && "$shards" -gt 0 ]] || { echo "shard-local: --shards must be a positive number" >&2; exit 2; }
[[ -n "$out_dir" ]] || { echo "shard-local: --out-dir is required" >&2; exit 2; }
mkdir -p "$out_dir/logs"
export here mode shards out_dir threads base_seed orgs bin
export EXTRA="${extra[*]:-}"
seq 0 $((shards - 1)) | xargs -P "$jobs" -I{} bash -c '
  "$here/shard-task.sh" --mode "$mode" --index {} --count "$shards" --out-dir "$out_dir" \
    --threads "$threads" --base-seed "$base_seed" --orgs "$orgs" --bin "$bin" -- $EXTRA \
    > "$out_dir/logs/shard-{}.log" 2>&1 || { echo "shard-local: shard {} failed (see $out_dir/logs/shard-{}.log)" >&2; exit 1; }'
echo "shard-local: $shards shards in $out_dir"
