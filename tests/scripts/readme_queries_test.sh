#!/usr/bin/env bash
# README's "Use the data": each query, run on the default world, prints exactly the output the
# README shows beside it (trailing blanks aside). A change of the generator that moves them must
# update the README in the same commit.
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "readme_queries_test: $*" >&2; exit 1; }
command -v sqlite3 >/dev/null || fail "needs the sqlite3 shell (scripts/setup.sh installs it)"

"$build/asanasim" generate -q -o "$tmp/world.sqlite"
python3 - "$root/README.md" "$tmp" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
section = text.split("\n## Use the data\n", 1)[1].split("\n## ", 1)[0]
pairs = re.findall(r"```bash\nsqlite3 -header -column output/asana_simulation.sqlite <<'SQL'\n"
                   r"(.*?)\nSQL\n```\n```text\n(.*?)\n```", section, re.S)
if len(pairs) != 3:
    sys.exit(f"readme_queries_test: found {len(pairs)} query/output pairs in 'Use the data', want 3")
for i, (query, output) in enumerate(pairs):
    open(f"{sys.argv[2]}/q{i}.sql", "w").write(query + "\n")
    open(f"{sys.argv[2]}/want{i}.txt", "w").write(output + "\n")
PY
for i in 0 1 2; do
  sqlite3 -header -column "$tmp/world.sqlite" <"$tmp/q$i.sql" | sed 's/[[:space:]]*$//' >"$tmp/got$i.txt"
  diff -u "$tmp/want$i.txt" "$tmp/got$i.txt" >"$tmp/diff" ||
    fail "query $((i + 1)) of README's 'Use the data' prints something else now:
$(cat "$tmp/diff")"
done
echo "readme_queries_test: the 3 queries print what README shows"
