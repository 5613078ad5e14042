#!/usr/bin/env bash
# Downloads the "dev31" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev31.sh DEST        -> DEST/dev31/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev31/ (labelled under RUBRIC.md's issue 55 conventions).
set -euo pipefail
dest=${1:?usage: get-dev31.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_platform_wheels "$dest" dev31 aiosendspin==10.2.1 e-x==1.16.0 pincer==0.16.0 \
  magnet2torrent==1.2.1 alpaca-trade-api==3.2.0 sockjs==0.13.0 aiotorrent==0.9.2 \
  dask-gateway==2026.3.0 scrapy-playwright==0.0.48 aiocometd==0.4.5 httpx-ws==0.9.0 \
  aiotdlib==0.27.6 urllib3-future==2.25.904 aiolip==1.1.6
