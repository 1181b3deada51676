#!/usr/bin/env bash
# The local runner: 4 slices of a 4-org universe, run with shard-local.sh and merged, hash equal
# to one run of the 4 orgs; a rerun skips verified shards and regenerates a damaged one; the
# seeds mode writes one dataset per seed.
# Usage: shard_local_test.sh BUILD_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$1" && pwd)/asanasim
work=$(mktemp -d /tmp/asanasim_shard_local_XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
world=(--users 40 --projects 6 --tasks-per-project 12)

"$bin" generate --quiet --seed 11 --orgs 4 "${world[@]}" --out "$work/single.sqlite"
"$root/scripts/shard-local.sh" --mode slices --shards 4 --orgs 4 --base-seed 11 --out-dir "$work/slices" \
  --jobs 2 --bin "$bin" -- "${world[@]}"
for i in 0 1 2 3; do [[ -f "$work/slices/slice-$i-of-4.sqlite" ]] || fail "slice $i missing"; done
"$root/scripts/shard-merge.sh" --out-dir "$work/slices" --shards 4 --out "$work/merged.sqlite" --bin "$bin" >/dev/null
single=$("$bin" hash --json "$work/single.sqlite" | grep '"overall"')
merged=$("$bin" hash --json "$work/merged.sqlite" | grep '"overall"')
echo "single: $single"
echo "merged: $merged"
[[ "$single" == "$merged" ]] || fail "merged hash differs from the single run"
"$bin" hash --check "$work/single.sqlite.manifest.json" "$work/merged.sqlite" || fail "--check disagrees"

# Rerun: all four verify and are skipped; a truncated one is regenerated.
before=$(stat -c %Y "$work/slices/slice-1-of-4.sqlite")
head -c 20000 "$work/slices/slice-2-of-4.sqlite" > "$work/cut" && mv "$work/cut" "$work/slices/slice-2-of-4.sqlite"
sleep 1
"$root/scripts/shard-local.sh" --mode slices --shards 4 --orgs 4 --base-seed 11 --out-dir "$work/slices" \
  --jobs 2 --bin "$bin" -- "${world[@]}"
grep -q skipping "$work/slices/logs/shard-1.log" || fail "verified shard 1 was not skipped"
[[ $(stat -c %Y "$work/slices/slice-1-of-4.sqlite") == "$before" ]] || fail "shard 1 was rewritten"
grep -q generating "$work/slices/logs/shard-2.log" || fail "damaged shard 2 was not regenerated"
"$bin" hash --check "$work/slices/slice-2-of-4.sqlite.manifest.json" "$work/slices/slice-2-of-4.sqlite" >/dev/null \
  || fail "regenerated shard 2 does not verify"

# Seeds mode: independent datasets with seeds BASE+i.
"$root/scripts/shard-local.sh" --mode seeds --shards 3 --base-seed 100 --out-dir "$work/seeds" --jobs 3 \
  --bin "$bin" -- "${world[@]}"
for s in 100 101 102; do
  [[ $(sqlite3 "$work/seeds/seed-$s.sqlite" "select seed from runs") == "$s" ]] || fail "seed-$s has the wrong seed"
done
echo "1 passed, 0 failed"
