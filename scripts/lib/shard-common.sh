# Shared by the shard scripts (sourced, not run): option parsing, shard file names, and the
# "complete and verified" rule. Sets: mode shards out_dir base_seed orgs bin extra.

shard_init() {
  mode="" shards="" out_dir="" base_seed=42 orgs=1 extra=()
  bin="${ASANASIM_BIN:-$(shard_default_bin)}"
}

# The binary beside these scripts: a source tree's build/asanasim, or, for the installed copy in
# PREFIX/share/asanasim/scripts, PREFIX/bin/asanasim; else the one on PATH.
shard_default_bin() {
  local lib
  lib=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  if [[ -x "$lib/../../build/asanasim" ]]; then
    echo "$(cd "$lib/../.." && pwd)/build/asanasim"
  elif [[ -x "$lib/../../../../bin/asanasim" && -d "$lib/../../../../share/asanasim" ]]; then
    echo "$(cd "$lib/../../../.." && pwd)/bin/asanasim"
  else
    command -v asanasim || echo "$(cd "$lib/../.." && pwd)/build/asanasim"
  fi
}

# shard_parse_common ARGS...: consumes one option shared by all shard scripts; sets `consumed`
# to how many words it took (0 if the option is not a shared one, -1 for the `--` that ends them).
shard_parse_common() {
  consumed=2
  case "$1" in
    --mode) mode=$2 ;;
    --shards|--count) shards=$2 ;;
    --out-dir) out_dir=$2 ;;
    --base-seed) base_seed=$2 ;;
    --orgs) orgs=$2 ;;
    --bin) bin=$2 ;;
    --) shift; extra=("$@"); consumed=-1 ;;
    *) consumed=0 ;;
  esac
}

shard_die() { echo "$(basename "$0"): $*" >&2; exit 2; }

shard_check_common() {
  [[ "$mode" == seeds || "$mode" == slices ]] || shard_die "--mode must be seeds or slices"
  [[ "$shards" =~ ^[0-9]+$ && "$shards" -gt 0 ]] || shard_die "--shards must be a positive whole number"
  [[ -n "$out_dir" ]] || shard_die "--out-dir is required"
  [[ "$base_seed" =~ ^[0-9]+$ && "$orgs" =~ ^[0-9]+$ ]] || shard_die "--base-seed and --orgs must be whole numbers"
  [[ "$mode" == seeds || "$shards" -le "$orgs" ]] || shard_die "$shards slices need at least that many --orgs (have $orgs)"
  [[ -x "$bin" ]] || shard_die "asanasim binary not found at $bin (build it, or pass --bin)"
}

# shard_path I: the database of shard I.
shard_path() {
  if [[ "$mode" == seeds ]]; then
    echo "$out_dir/seed-$((base_seed + $1)).sqlite"
  else
    echo "$out_dir/slice-$1-of-$shards.sqlite"
  fi
}

# shard_verified FILE: true when FILE and its manifest exist and the content hash matches.
shard_verified() {
  [[ -f "$1" && -f "$1.manifest.json" ]] && "$bin" hash --check "$1.manifest.json" "$1" >/dev/null 2>&1
}
