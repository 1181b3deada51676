#!/usr/bin/env bash
# `cmake --install` into a scratch prefix, then the installed tree as a user meets it: the binary
# runs and writes the same bytes as the build's; every command has a man page that groff renders
# without a warning and that names every option --help names; the bash completion completes
# commands, options, their values and files; the installed shard scripts find the installed
# binary.
set -euo pipefail
build=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install_test: $*" >&2; exit 1; }

prefix="$tmp/prefix with space"
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || { cat "$tmp/install.log"; fail "cmake --install failed"; }
bin="$prefix/bin/asanasim"
[[ -x "$bin" ]] || fail "no $bin"
for f in share/asanasim/schema.sql share/asanasim/prompts/system.txt \
  share/asanasim/prompts/packs/common.toml share/asanasim/prompts/packs/saas/pack.toml share/bash-completion/completions/asanasim \
  share/man/man1/asanasim.1 share/doc/asanasim/README.md share/asanasim/scripts/shard-local.sh \
  share/asanasim/scripts/lib/shard-common.sh share/asanasim/scripts/slurm/asanasim-array.sbatch; do
  [[ -f "$prefix/$f" ]] || fail "not installed: $f"
done
[[ ! -e "$prefix/lib" ]] || fail "a plain install has no bundled libraries (only the tarball does)"

# The installed binary: its version names the libraries, and it writes what the build's writes.
"$bin" --version >"$tmp/version"
for lib in SQLite oneTBB zstd libcurl; do
  grep -Eq "^  $lib +[0-9]" "$tmp/version" || fail "--version does not name $lib: $(cat "$tmp/version")"
done
cd "$tmp"
"$bin" generate -q -o installed.sqlite --users 30 --projects 3 -s 5
"$build/asanasim" generate -q -o built.sqlite --users 30 --projects 3 -s 5
"$bin" hash --check built.sqlite.manifest.json installed.sqlite >/dev/null ||
  fail "the installed binary wrote other bytes than the build's"

# Man pages: one per command, clean roff, no option missing.
while read -r command; do
  page="$prefix/share/man/man1/asanasim-${command// /-}.1"
  [[ -f "$page" ]] || fail "no man page for '$command'"
  if command -v groff >/dev/null; then
    groff -man -Tutf8 -ww -z "$page" 2>"$tmp/groff" || fail "groff failed on $page"
    [[ ! -s "$tmp/groff" ]] || fail "groff warns on $page: $(cat "$tmp/groff")"
    groff -man -rHY=0 -Tascii -P-c -P-b -P-u "$page" 2>/dev/null | col -b >"$tmp/page.txt" 2>/dev/null ||
      groff -man -rHY=0 -Tascii -P-c -P-b -P-u "$page" >"$tmp/page.txt"
    # shellcheck disable=SC2086
    "$bin" $command --help >"$tmp/help.txt"
    for option in $(grep -oE '^ +(-[a-zA-Z], )?--[a-z-]+' "$tmp/help.txt" | grep -oE -- '--[a-z-]+'); do
      grep -qe "$option" "$tmp/page.txt" || fail "asanasim-${command// /-}(1) lacks $option"
    done
    grep -q "EXAMPLES" "$tmp/page.txt" || fail "asanasim-${command// /-}(1) has no examples"
  fi
done < <("$bin" help --commands)
pages=$(find "$prefix/share/man/man1" -name '*.1' | wc -l)
commands=$("$bin" help --commands | wc -l)
[[ $pages -eq $((commands + 1)) ]] || fail "$pages man pages for $commands commands (+ asanasim.1)"

# The completion, driven as bash drives it.
complete_words() {  # complete_words WORD... : COMPREPLY for the last word, one per line
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _asanasim; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$prefix/share/bash-completion/completions/asanasim" "$@"
}
expect() {  # expect WANTED WORD...: WANTED among the completions of the last WORD
  local wanted=$1
  shift
  local got
  got=$(complete_words "$@")  # not piped into grep -q: its early exit would fail the pipe
  grep -qxF -- "$wanted" <<<"$got" ||
    fail "completing '$*' does not offer '$wanted' (got: $(tr '\n' ' ' <<<"$got"))"
}
touch "$tmp/world.sqlite" "$tmp/other.txt"
mkdir -p "$tmp/packdir"
expect generate asanasim gen
expect author asanasim pack ""
expect warm asanasim llm ""
expect --llm-share asanasim generate --ll
expect groq asanasim generate --llm ""
expect medium asanasim generate --llm-reasoning-effort ""
expect -o asanasim generate -
expect world.sqlite asanasim generate -o wor
expect world.sqlite asanasim generate --out = wor
expect world.sqlite asanasim merge out.sqlite wor
expect world.sqlite asanasim validate --report wor
expect packdir asanasim pack export pack
expect validate asanasim help va
[[ -z $(complete_words asanasim generate --users "") ]] || fail "offers something for --users N"
echo "install_test: completion ok"

# The installed shard scripts find the installed binary (no ASANASIM_BIN, no build tree).
env -u ASANASIM_BIN PATH=/usr/bin:/bin "$prefix/share/asanasim/scripts/shard-local.sh" \
  --mode seeds --shards 2 --base-seed 3 --out-dir "$tmp/shards" --jobs 2 -- --users 20 --projects 2 \
  >"$tmp/shards.log" 2>&1 || { cat "$tmp/shards.log"; fail "installed shard-local.sh failed"; }
ls "$tmp/shards"/*.sqlite >/dev/null || fail "installed shard-local.sh wrote no shard"
echo "install_test: ok ($pages man pages, $(find "$prefix" -type f | wc -l) files)"
