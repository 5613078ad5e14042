#!/usr/bin/env bash
# The four libraries of issue 56, as their source distributions from PyPI (unpacked, nothing
# installed): what a user who clones them checks, tests and examples included.
#   usage: bench/get-libraries.sh DEST    -> DEST/tornado, DEST/aioesphomeapi, DEST/opsdroid,
#                                            DEST/aiohttp
# Used by bench/message_length.py and bench/named_alone.py. Never commit them.
set -euo pipefail
dest=${1:?usage: get-libraries.sh DEST}
py=${PYTHON:-python3}
mkdir -p "$dest"
for req in tornado==6.6.1 aioesphomeapi==46.23.0 opsdroid==0.31.0 aiohttp==3.14.5; do
  name=${req%%==*}
  [ -f "$dest/$name/.done" ] && continue
  tmp=$(mktemp -d)
  "$py" -m pip download -q --no-deps --no-binary :all: -d "$tmp" "$req"
  rm -rf "$dest/$name" && mkdir -p "$dest/$name"
  tar -xzf "$tmp"/*.tar.gz -C "$dest/$name" --strip-components=1
  rm -rf "$tmp"
  touch "$dest/$name/.done"
  echo "$req -> $dest/$name"
done
