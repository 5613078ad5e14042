#!/usr/bin/env bash
# Downloads the "dev" asyncio libraries of our third (blind) labelled real-world set from PyPI.
#   usage: get-dev.sh DEST        -> DEST/dev/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev/ (the set to study and tune on; labels-fresh only measures).
set -euo pipefail
dest=${1:?usage: get-dev.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev mcp==2.3.0 nats-py==2.16.0 telethon==1.45.0 grpclib==0.4.9 \
  pyatv==0.18.0 kopf==1.45.2 aiohomekit==4.0.1 aiogram==3.31.0
