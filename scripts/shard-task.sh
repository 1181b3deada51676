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
source "$(dirname "$0")/lib/shard-common.sh"
shard_init
index="" threads=0
while [[ $# -gt 0 ]]; do
  shard_parse_common "$@"
  if [[ $consumed -lt 0 ]]; then break; elif [[ $consumed -gt 0 ]]; then shift "$consumed"; continue; fi
  case "$1" in
    --index) index=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) shard_die "unknown argument '$1'" ;;
  esac
done
shard_check_common
[[ "$index" =~ ^[0-9]+$ && "$index" -lt "$shards" ]] || shard_die "--index must be a whole number below --count"
mkdir -p "$out_dir"

out=$(shard_path "$index")
args=(--threads "$threads" --quiet --force --orgs "$orgs")
if [[ "$mode" == seeds ]]; then
  args+=(--seed "$((base_seed + index))")
else
  args+=(--seed "$base_seed" --org-range "$((index * orgs / shards)):$(((index + 1) * orgs / shards))")
fi

if shard_verified "$out"; then
  echo "shard-task: $out is complete and verified; skipping"
  exit 0
fi
rm -f "$out" "$out.manifest.json"  # a dead run's temporaries go with the next run (OUT.lock)
echo "shard-task: generating $out on $(hostname) with ${args[*]} ${extra[*]}"
start=$(date +%s)
"$bin" generate --out "$out" "${args[@]}" "${extra[@]}"
echo "shard-task: wrote $out in $(($(date +%s) - start)) s"
