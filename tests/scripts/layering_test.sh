#!/usr/bin/env bash
# The folders of src/ are layers: a file may include headers of its own folder and of folders
# earlier in this list, never later ones (docs/DESIGN.md, "Layout"). The public API in
# include/asanasim/ includes no internal header and names no sqlite, curl or tbb type.
set -euo pipefail
cd "$(dirname "$0")/../.."
layers=(util rng model config text store llm plan gen validate pipeline cli)
rank() {
  local i
  for i in "${!layers[@]}"; do [[ ${layers[$i]} == "$1" ]] && { echo "$i"; return; }; done
  echo -1
}
status=0
for dir in src/*/; do
  stage=$(basename "$dir")
  r=$(rank "$stage")
  if [[ $r -lt 0 ]]; then
    echo "src/$stage/ is not in the layer list of tests/scripts/layering_test.sh (and docs/DESIGN.md)"
    status=1
    continue
  fi
  while IFS=: read -r file line include; do
    target=$(sed -E 's|.*"src/([a-z_]+)/.*|\1|' <<<"$include")
    t=$(rank "$target")
    if [[ $t -lt 0 || $t -gt $r ]]; then
      echo "$file:$line: $stage/ includes $target/, which is above it in the pipeline"
      status=1
    fi
  done < <(grep -nHE '^#include "src/' "$dir"* || true)
done
if grep -nHE '^#include ("src/|<sqlite3|<curl|<tbb|<oneapi)' include/asanasim/*.h; then
  echo "include/asanasim/ must not include internal or sqlite/curl/tbb headers"
  status=1
fi
[[ $status -eq 0 ]] && echo "layering: ok (${layers[*]})"
exit "$status"
