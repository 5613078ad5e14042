#!/usr/bin/env bash
# Downloads the "dev88" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev88.sh DEST        -> DEST/dev88/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev88/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev88.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev88 aio-sanitana-eden==0.0.13 aiobale-py==0.3.10 aiohelvar==0.9.8 \
  aiohttp-mcp==0.7.0 aiohttp-tiny-mcp==0.5.8 aioqsw==0.4.2 aiorubika==1.0.0 aioscgi==2.5.1 \
  aioservicekit==0.7.1 async-its-logger==0.1.1 asyncpg-listen==0.0.9 \
  corvustunnel==1.1.3 cryptolabs-sre-agent==0.4.0 ferret-agent==0.1.22 grpctunnel-py==0.3.0 \
  livetxt==0.0.2
