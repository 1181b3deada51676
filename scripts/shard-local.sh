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
source "$here/lib/shard-common.sh"
shard_init
jobs=2 threads=1
while [[ $# -gt 0 ]]; do
  shard_parse_common "$@"
  if [[ $consumed -lt 0 ]]; then break; elif [[ $consumed -gt 0 ]]; then shift "$consumed"; continue; fi
  case "$1" in
    --jobs) jobs=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) shard_die "unknown argument '$1'" ;;
  esac
done
shard_check_common
mkdir -p "$out_dir/logs"
export here mode shards out_dir threads base_seed orgs bin
export EXTRA="${extra[*]:-}"
seq 0 $((shards - 1)) | xargs -P "$jobs" -I{} bash -c '
  "$here/shard-task.sh" --mode "$mode" --index {} --count "$shards" --out-dir "$out_dir" \
    --threads "$threads" --base-seed "$base_seed" --orgs "$orgs" --bin "$bin" -- $EXTRA \
    > "$out_dir/logs/shard-{}.log" 2>&1 || { echo "shard-local: shard {} failed (see $out_dir/logs/shard-{}.log)" >&2; exit 1; }'
echo "shard-local: $shards shards in $out_dir"
