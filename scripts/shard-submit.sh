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
# --cpus-per-task and so its --threads. With --wait it returns when the array has finished, with
# a non-zero status if any task failed. Logs: DIR/logs/asanasim-<job>_<task>.out.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
mode="" shards="" out_dir="" throttle="" cpus=1 partition="" time_limit="" wait=0 base_seed=42 orgs=1
bin="${ASANASIM_BIN:-$here/../build/asanasim}"
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mode) mode=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    --out-dir) out_dir=$2; shift 2 ;;
    --throttle) throttle=$2; shift 2 ;;
    --cpus) cpus=$2; shift 2 ;;
    --partition) partition=$2; shift 2 ;;
    --time) time_limit=$2; shift 2 ;;
    --wait) wait=1; shift ;;
    --base-seed) base_seed=$2; shift 2 ;;
    --orgs) orgs=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "shard-submit: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[[ "$mode" == seeds || "$mode" == slices ]] || { echo "shard-submit: --mode must be seeds or slices" >&2; exit 2; }
[[ "$shards" =~ ^[0-9]+$ && "$shards" -gt 0 ]] || { echo "shard-submit: --shards must be a positive number" >&2; exit 2; }
[[ -n "$out_dir" ]] || { echo "shard-submit: --out-dir is required" >&2; exit 2; }
command -v sbatch >/dev/null || { echo "shard-submit: sbatch not found (is Slurm installed?)" >&2; exit 2; }
[[ -x "$bin" ]] || { echo "shard-submit: asanasim binary not found at $bin" >&2; exit 2; }
mkdir -p "$out_dir/logs"
out_dir=$(cd "$out_dir" && pwd)
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

# Which shards still need work?
todo=()
for ((i = 0; i < shards; i++)); do
  if [[ "$mode" == seeds ]]; then f="$out_dir/seed-$((base_seed + i)).sqlite"; else f="$out_dir/slice-$i-of-$shards.sqlite"; fi
  if [[ -f "$f" && -f "$f.manifest.json" ]] && "$bin" hash --check "$f.manifest.json" "$f" >/dev/null 2>&1; then
    continue
  fi
  todo+=("$i")
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
