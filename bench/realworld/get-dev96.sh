#!/usr/bin/env bash
# Downloads the "dev96" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev96.sh DEST        -> DEST/dev96/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev96/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev96.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev96 aiodistbus==0.0.2 aiohttp-rpc==2.0.0 aiohttp-wsconnhandler==0.2.0 \
  aipo==0.1.2 antflow==0.10.0 asocksimap==1.0.4 asyncio-taskpool==1.2.0 asynkets==0.1.4 \
  easy-async==0.1.0 fastaio==0.5.0 infermesh==0.3.2 loopmon==1.0.1
