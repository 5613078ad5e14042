#!/usr/bin/env bash
# Downloads the "fresh" asyncio libraries of our second (blind) labelled real-world set from PyPI.
#   usage: get-fresh.sh DEST        -> DEST/fresh/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-fresh/ (kept for measuring only).
set -euo pipefail
dest=${1:?usage: get-fresh.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" fresh amqtt==0.12.1 asyncua==2.1.0 hikari==2.7.0 asyncssh==2.24.1 \
  aiocoap==0.4.17 pyrogram==2.0.106 arq==0.28.0 taskiq==0.13.0 twitchio==3.3.2 faststream==0.7.8
