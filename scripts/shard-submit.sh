#!/usr/bin/env bash
# Submits the shards of a dataset as one Slurm job array, skipping shards that already finished
# and verify (database + manifest present, content hash matching), so resubmitting after a
# failure reruns only what is missing.
#
#   shard-submit.sh --mode seeds|slices --shards N --out-dir DIR [--throttle K] [--cpus C]
#                   [--partition P] [--time HH:MM:SS] [--wait] [--base-seed S] [--orgs N]
#                   [--bin PATH] [-- generate options...]
#
# --throttle K runs at most K array tasks at once (sbatch --array=...%K); --cpus C is each task's
# --cpus-per-task: C-1 generation threads plus the writer. With --wait it returns when the array has finished, with
# a non-zero status if any task failed. Logs: DIR/logs/asanasim-<job>_<task>.out.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib/shard-common.sh"
shard_init
throttle="" cpus=1 partition="" time_limit="" wait=0
while [[ $# -gt 0 ]]; do
  shard_parse_common "$@"
  if [[ $consumed -lt 0 ]]; then break; elif [[ $consumed -gt 0 ]]; then shift "$consumed"; continue; fi
  case "$1" in
    --throttle) throttle=$2; shift 2 ;;
    --cpus) cpus=$2; shift 2 ;;
    --partition) partition=$2; shift 2 ;;
    --time) time_limit=$2; shift 2 ;;
    --wait) wait=1; shift ;;
    *) shard_die "unknown argument '$1'" ;;
  esac
done
shard_check_common
command -v sbatch >/dev/null || shard_die "sbatch not found (is Slurm installed?)"
mkdir -p "$out_dir/logs"
out_dir=$(cd "$out_dir" && pwd)
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

# Which shards still need work?
todo=()
for ((i = 0; i < shards; i++)); do
  shard_verified "$(shard_path "$i")" || todo+=("$i")
done
if [[ ${#todo[@]} -eq 0 ]]; then
  echo "shard-submit: all $shards shards in $out_dir are complete and verified"
  exit 0
fi
array=$(IFS=,; echo "${todo[*]}")
[[ -n "$throttle" ]] && array="$array%$throttle"

sbatch_args=(--parsable --array="$array" --cpus-per-task="$cpus" --job-name=asanasim
             --output="$out_dir/logs/%x-%A_%a.out" --chdir="$out_dir"
             --export=ALL,ASANASIM_SCRIPTS="$here",ASANASIM_BIN="$bin")
[[ -n "$partition" ]] && sbatch_args+=(--partition="$partition")
[[ -n "$time_limit" ]] && sbatch_args+=(--time="$time_limit")
[[ $wait -eq 1 ]] && sbatch_args+=(--wait)
echo "shard-submit: submitting ${#todo[@]} of $shards shards: --array=$array" >&2
job=$(sbatch "${sbatch_args[@]}" "$here/slurm/asanasim-array.sbatch" \
        --mode "$mode" --count "$shards" --out-dir "$out_dir" --base-seed "$base_seed" --orgs "$orgs" \
        --bin "$bin" -- "${extra[@]}")
echo "$job"
