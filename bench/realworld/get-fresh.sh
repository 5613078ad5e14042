#!/usr/bin/env bash
# Downloads the "fresh" asyncio libraries of our second (blind) labelled real-world set from PyPI
# (pinned pure-Python wheels, unzipped; nothing is installed), modelled on shared/bench/get-corpus.sh.
#   usage: get-fresh.sh DEST        -> DEST/fresh/<package>
# Idempotent: a folder with a .done marker is left alone. Labels: bench/realworld/labels-fresh/.
set -euo pipefail
dest=${1:?usage: get-fresh.sh DEST}
py=${PYTHON:-python3}
mkdir -p "$dest/fresh" "$dest/.wheels"
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
for req in amqtt==0.12.1 asyncua==2.1.0 hikari==2.7.0 asyncssh==2.24.1 aiocoap==0.4.17 \
           pyrogram==2.0.106 arq==0.28.0 taskiq==0.13.0 twitchio==3.3.2 faststream==0.7.8; do
  fetch "$req" "$dest/fresh/${req%%==*}"
done
