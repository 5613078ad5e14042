#!/usr/bin/env bash
# Downloads the "dev44" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev44.sh DEST        -> DEST/dev44/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev44/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev44.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev44 anyio-mqtt==0.3.2 asyncari==0.20.6 busrt-worker==0.1.7 aiomsg==2026.7.1 \
  conveyor-streaming==1.2.1 botslab360==0.7.1 aiophyn==2026.10.1 aio-rmq-wss-proxy==0.0.3 \
  aiopulse2==1.0.0 aiomox==1.0.7 async-httpd-data-collector==2.0.6 axis==74 google-nest-sdm==9.2.1 \
  actchain==0.1.2 aiosteampy==0.7.21 aiovban==1.1.1 aiochan==0.2.7 aiopyami==0.1.4
