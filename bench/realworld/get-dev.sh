#!/usr/bin/env bash
# Downloads the "dev" asyncio libraries of our third (blind) labelled real-world set from PyPI
# (pinned pure-Python wheels, unzipped; nothing is installed), modelled on shared/bench/get-corpus.sh.
#   usage: get-dev.sh DEST        -> DEST/dev/<package>
# Idempotent: a folder with a .done marker is left alone. Labels: bench/realworld/labels-dev/ (the set to study and tune on; labels-fresh stays for measuring).
set -euo pipefail
dest=${1:?usage: get-dev.sh DEST}
py=${PYTHON:-python3}
mkdir -p "$dest/dev" "$dest/.wheels"
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
for req in mcp==2.3.0 nats-py==2.16.0 telethon==1.45.0 grpclib==0.4.9 \
           pyatv==0.18.0 kopf==1.45.2 aiohomekit==4.0.1 aiogram==3.31.0; do
  fetch "$req" "$dest/dev/${req%%==*}"
done
