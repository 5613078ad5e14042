#!/usr/bin/env bash
# The reference corpora of real asyncio code, as wheels from PyPI (unzipped, nothing installed),
# so every benchmark runs on the same code. Pins: keep them in step with bench/README.md.
#   usage: bench/get-corpus.sh DEST        -> DEST/homeassistant, DEST/mid/<package>
# homeassistant: ~11,000 files, 1.66 M lines. mid: 8 async libraries, ~750 files, 0.33 M lines.
# Never commit a corpus: it is other people's code, and large.
set -euo pipefail
dest=${1:?usage: get-corpus.sh DEST}
py=${PYTHON:-python3}
mkdir -p "$dest/mid" "$dest/.wheels"
fetch() {  # requirement, target folder
  local req=$1 target=$2 tmp whl
  [ -f "$target/.done" ] && return 0
  tmp=$(mktemp -d)
  # the newest homeassistant wheels declare Python >= 3.14: ask as such an interpreter would
  "$py" -m pip download -q --no-deps --only-binary :all: --python-version 3.14.2 -d "$tmp" "$req"
  whl=$(ls "$tmp"/*.whl | head -n 1)
  rm -rf "$target" && mkdir -p "$target"
  "$py" -m zipfile -e "$whl" "$target"
  cp "$whl" "$dest/.wheels/" && rm -rf "$tmp"
  touch "$target/.done"
  echo "$req -> $target"
}
fetch "homeassistant==${HA_VERSION:-2026.11.0}" "$dest/homeassistant"
for req in aiohttp==3.14.5 discord.py==2.7.1 textual==8.2.8 websockets==17.4 uvicorn==0.54.0 \
           starlette==1.10.0 anyio==4.16.0 redis==8.1.0; do
  fetch "$req" "$dest/mid/${req%%==*}"
done
