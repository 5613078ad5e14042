#!/usr/bin/env bash
# Downloads the "dev21" asyncio libraries of a blind labelled real-world set from PyPI: the set
# kept unread until the end of issue 55 (scored, never studied, until then).
#   usage: get-dev21.sh DEST        -> DEST/dev21/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev21/ (labelled under RUBRIC.md's issue 55 conventions).
set -euo pipefail
dest=${1:?usage: get-dev21.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_platform_wheels "$dest" dev21 temporalio==1.35.0 playwright==1.65.2 aiosqlite==0.22.1 \
  kubernetes-asyncio==36.1.0 homematicip==2.19.1 openai==3.57.0 sqlalchemy==2.1.9 \
  python-can==4.6.1 async-lru==2.4.0 aiofile==3.12.3 ccxt==4.5.90 \
  python-binance==1.0.37 cryptofeed==2.5.0 hikari-lightbulb==3.2.6 alpaca-py==0.44.0 \
  centrifuge-python==0.7.0 aiohttp-asgi==0.7.1
