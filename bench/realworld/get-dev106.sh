#!/usr/bin/env bash
# Downloads the "dev106" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev106.sh DEST        -> DEST/dev106/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev106/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev106.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev106 acmeasync==0.1.6a0 aio-mpv-jsonipc==1.0 aiocheck==0.0.11 \
  aiodebug==2.3.0 aioshadowsocks==0.1.8 aiotrading==0.0.4 aioxiaomi==0.1.5 aioyeelight==0.1.0 \
  asyncio-run-in-process==0.1.0a10 asyncpushbullet==0.18.11 asyncsip==0.1.2 caprid-relay==0.1.0 \
  gnsocket==0.9.2 grapy==0.1.10 hiyori==0.2.1 kusudaemon==2.0.0
