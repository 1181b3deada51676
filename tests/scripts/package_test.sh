#!/usr/bin/env bash
# CPack's two packages, used as their users would:
#   the .deb: its dependencies name the runtime libraries; `dpkg -i` installs it, the installed
#     /usr/bin/asanasim writes what the build's writes, the man pages render, `dpkg -r` removes
#     it (root, or sudo without a password; skipped otherwise, and when a package named asanasim
#     is already installed, which this test will not replace);
#   the tarball: relocatable: unpacked anywhere, even moved after unpacking, its binary loads the
#     bundled libraries (lib/asanasim) and no system copy of them, and writes the same bytes.
set -euo pipefail
build=$(cd "$1" && pwd)
tmp=$(mktemp -d)
sudo=""
cleanup() {
  if [[ -n ${installed_here:-} ]]; then $sudo dpkg -r asanasim >/dev/null 2>&1 || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "package_test: $*" >&2; exit 1; }

if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=sudo; else
    echo "package_test: skipped (installing a .deb needs root or passwordless sudo)"
    exit 77
  fi
fi
command -v dpkg-deb >/dev/null || { echo "package_test: skipped (no dpkg-deb)"; exit 77; }

(cd "$build" && cpack -G "DEB;TGZ" -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1) ||
  { cat "$tmp/cpack.log" "$tmp"/pkg/_CPack_Packages/*/*/PreinstallOutput.log 2>/dev/null; fail "cpack failed"; }
deb=$(ls "$tmp"/pkg/asanasim_*.deb)
tgz=$(ls "$tmp"/pkg/asanasim-*.tar.gz)
echo "package_test: $(basename "$deb") $(stat -c %s "$deb") bytes, $(basename "$tgz") $(stat -c %s "$tgz") bytes"

# The reference: what the build's binary writes.
cd "$tmp"
"$build/asanasim" generate -q -o ref.sqlite --users 30 --projects 3 -s 9

# The .deb's metadata and contents.
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libsqlite3-0 libtbb12 libcurl4 libzstd1 libabsl20220623; do
  grep -q "$lib" <<<"$depends" || fail "the .deb does not depend on $lib: $depends"
done
dpkg-deb -c "$deb" | awk '{print $6}' >"$tmp/deb.files"
for f in ./usr/bin/asanasim ./usr/share/man/man1/asanasim.1 ./usr/share/man/man1/asanasim-generate.1 \
  ./usr/share/bash-completion/completions/asanasim ./usr/share/asanasim/schema.sql; do
  grep -qxF "$f" "$tmp/deb.files" || fail "the .deb lacks $f"
done
! grep -q '^./usr/lib/asanasim' "$tmp/deb.files" || fail "the .deb carries bundled libraries"
echo "package_test: Depends: $depends"

if [[ $(dpkg-query -W -f='${Status}' asanasim 2>/dev/null || true) == *"ok installed"* ]]; then
  echo "package_test: a package asanasim is already installed: not replacing it (dpkg -i skipped)"
else
  $sudo dpkg -i "$deb" >"$tmp/dpkg.log" 2>&1 || { cat "$tmp/dpkg.log"; fail "dpkg -i failed"; }
  installed_here=1
  [[ -x /usr/bin/asanasim ]] || fail "dpkg -i put no /usr/bin/asanasim"
  /usr/bin/asanasim --version | head -1
  /usr/bin/asanasim generate -q -o deb.sqlite --users 30 --projects 3 -s 9
  /usr/bin/asanasim hash --check ref.sqlite.manifest.json deb.sqlite >/dev/null ||
    fail "the .deb's binary wrote other bytes than the build's"
  if [[ -f /usr/share/man/man1/asanasim-generate.1 ]] && command -v man >/dev/null; then
    MANWIDTH=80 man asanasim-generate 2>/dev/null | col -b >"$tmp/man.txt"
    grep -q -- "--tasks-per-project" "$tmp/man.txt" || fail "man asanasim-generate lacks an option"
    echo "package_test: man asanasim-generate: $(wc -l <"$tmp/man.txt") lines"
  fi
  $sudo dpkg -r asanasim >/dev/null 2>&1 || fail "dpkg -r failed"
  installed_here=""
  [[ ! -e /usr/bin/asanasim ]] || fail "dpkg -r left /usr/bin/asanasim"
  echo "package_test: .deb installed, run and removed"
fi

# The tarball, unpacked, then moved: the binary finds its libraries relative to itself.
mkdir "$tmp/a"
tar xzf "$tgz" -C "$tmp/a"
top=$(ls "$tmp/a")
mv "$tmp/a/$top" "$tmp/moved"
bin="$tmp/moved/bin/asanasim"
ldd "$bin" >"$tmp/ldd.txt"
! grep -q "not found" "$tmp/ldd.txt" || fail "unresolved libraries: $(grep 'not found' "$tmp/ldd.txt")"
for lib in libabsl_strings libabsl_int128 libtbb libsqlite3 libxxhash libtomlplusplus; do
  line=$(grep "$lib" "$tmp/ldd.txt" | head -1)
  [[ $line == *"$tmp/moved/bin/../lib/asanasim/"* ]] || fail "$lib is not loaded from the bundle: $line"
done
"$bin" generate -q -o tgz.sqlite --users 30 --projects 3 -s 9
"$bin" hash --check ref.sqlite.manifest.json tgz.sqlite >/dev/null ||
  fail "the tarball's binary wrote other bytes than the build's"
echo "package_test: tarball relocatable ($(ls "$tmp/moved/lib/asanasim" | wc -l) bundled files)"
echo "package_test: ok"
