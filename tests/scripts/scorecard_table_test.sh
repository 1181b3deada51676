#!/usr/bin/env bash
# scripts/scorecard-table.sh on real databases: one column per database, every statistic a row,
# broken rules listed, and a clear failure for a file that is not a database.
set -euo pipefail
build=$1
bin="$build/asanasim"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" generate --quiet --users 60 --projects 8 --seed 3 --out "$dir/a.sqlite"
"$bin" generate --quiet --users 60 --projects 8 --seed 4 --out "$dir/b.sqlite"
table=$("$(dirname "$0")/../../scripts/scorecard-table.sh" --bin "$bin" "$dir/a.sqlite" "$dir/b.sqlite")
echo "$table"
grep -qE '^statistic +band +a +b$' <<<"$table"
grep -qE '^night_activity_share +\[0, 0.03\] +[0-9.]+!? +[0-9.]+!?$' <<<"$table"
grep -q 'every rule holds in every database' <<<"$table"
sqlite3 "$dir/b.sqlite" "UPDATE tasks SET due_on = '2099-01-01' WHERE id = (SELECT c.id FROM tasks c JOIN tasks p ON p.id = c.parent_id WHERE c.due_on IS NOT NULL AND p.due_on IS NOT NULL LIMIT 1)"
table=$("$(dirname "$0")/../../scripts/scorecard-table.sh" --bin "$bin" "$dir/a.sqlite" "$dir/b.sqlite")
grep -qE '^rule subtask_due_within_parent +0 +1$' <<<"$table"
if "$(dirname "$0")/../../scripts/scorecard-table.sh" --bin "$bin" "$dir/missing.sqlite" 2>/dev/null; then
  echo "a missing database must fail"; exit 1
fi
echo "scorecard-table: ok"
