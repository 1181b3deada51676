#!/usr/bin/env bash
# Merges the slices written by shard-local.sh or shard-submit.sh (--mode slices) into one
# database, which holds exactly what a single run over all the orgs writes.
#
#   shard-merge.sh --out-dir DIR --shards N --out MERGED [--compress] [--force] [--bin PATH]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out_dir="" shards="" out="" bin="${ASANASIM_BIN:-$here/../build/asanasim}"
flags=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out-dir) out_dir=$2; shift 2 ;;
    --shards) shards=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --compress|--force) flags+=("$1"); shift ;;
    --bin) bin=$2; shift 2 ;;
    *) echo "shard-merge: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[[ -n "$out_dir" && -n "$out" && "$shards" =~ ^[0-9]+$ ]] || { echo "shard-merge: need --out-dir, --shards and --out" >&2; exit 2; }
inputs=()
for ((i = 0; i < shards; i++)); do
  f="$out_dir/slice-$i-of-$shards.sqlite"
  [[ -f "$f" ]] || f="$f.zst"
  inputs+=("$f")
done
exec "$bin" merge "${flags[@]}" "$out" "${inputs[@]}"
