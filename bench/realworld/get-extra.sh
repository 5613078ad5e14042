#!/usr/bin/env bash
# Downloads the four "extra" asyncio libraries of our own labelled real-world set from PyPI
# (pinned pure-Python wheels, unzipped; nothing is installed), modelled on shared/bench/get-corpus.sh.
#   usage: get-extra.sh DEST        -> DEST/extra/<package>
# Idempotent: a folder with a .done marker is left alone. Labels: bench/realworld/labels/.
set -euo pipefail
dest=${1:?usage: get-extra.sh DEST}
py=${PYTHON:-python3}
mkdir -p "$dest/extra" "$dest/.wheels"
fetch() {  # requirement, target folder
  local req=$1 target=$2 tmp whl
  [ -f "$target/.done" ] && return 0
  tmp=$(mktemp -d)
  "$py" -m pip download -q --no-deps --only-binary :all: --python-version 3.14.2 -d "$tmp" "$req"
  whl=$(ls "$tmp"/*.whl | head -n 1)
  case "$whl" in *-none-any.whl) ;; *) echo "not a pure-Python wheel: $whl" >&2; exit 1 ;; esac
  rm -rf "$target" && mkdir -p "$target"
  "$py" -m zipfile -e "$whl" "$target"
  cp "$whl" "$dest/.wheels/" && rm -rf "$tmp"
  touch "$target/.done"
  echo "$req -> $target"
}
for req in aio-pika==10.2.1 hypercorn==0.18.0 zigpy==2.4.0 bleak==3.1.0; do
  fetch "$req" "$dest/extra/${req%%==*}"
done
