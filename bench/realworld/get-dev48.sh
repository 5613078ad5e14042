#!/usr/bin/env bash
# Downloads the "dev48" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev48.sh DEST        -> DEST/dev48/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev48/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev48.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev48 art-adk==0.0.1 aiobp==3.1.1 flowrra==0.1.8 donald==3.0.1 \
  edzed==26.1.2 aiosipua==0.7.1 esmd-pysdk==0.1.0 aiosmpplib==0.7.4 aspubsub==0.1.3 \
  aiopioneer==0.11.0 aiocarrot==1.1.0 aio-network-forward==0.1.3 dm-aiomqtt==0.4.17 \
  autobale==1.0.0 aioartnet==0.2.1
# dbjobq's only wheel asks for Python <3.14: the CPython 3.12 download of the same pure-Python wheel.
fetch_platform_wheels "$dest" dev48 dbjobq==0.1.0
