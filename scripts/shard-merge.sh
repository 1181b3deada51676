#!/usr/bin/env bash
# Merges the slices written by shard-local.sh or shard-submit.sh (--mode slices) into one
# database, which holds exactly what a single run over all the orgs writes.
#
#   shard-merge.sh --out-dir DIR --shards N --out MERGED [--compress] [--force] [--bin PATH]
set -euo pipefail
source "$(dirname "$0")/lib/shard-common.sh"
shard_init
mode=slices out="" flags=()
while [[ $# -gt 0 ]]; do
  shard_parse_common "$@"
  if [[ $consumed -gt 0 ]]; then shift "$consumed"; continue; fi
  case "$1" in
    --out) out=$2; shift 2 ;;
    --compress|--force) flags+=("$1"); shift ;;
    *) shard_die "unknown argument '$1'" ;;
  esac
done
[[ -n "$out" ]] || shard_die "--out is required"
[[ "$shards" =~ ^[0-9]+$ && "$shards" -gt 0 && -n "$out_dir" ]] || shard_die "need --out-dir and --shards"
inputs=()
for ((i = 0; i < shards; i++)); do
  f=$(shard_path "$i")
  [[ -f "$f" ]] || f="$f.zst"
  inputs+=("$f")
done
exec "$bin" merge "${flags[@]}" "$out" "${inputs[@]}"
