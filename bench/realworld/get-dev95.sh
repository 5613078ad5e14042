#!/usr/bin/env bash
# Downloads the "dev95" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev95.sh DEST        -> DEST/dev95/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev95/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev95.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev95 ollama-run-async==0.2.5 pararamio-aio==3.0.37 \
  pocketoptionapi-async==2.0.1 python-asynctools==0.2.2 radical-asyncflow==0.6.0 \
  session-peer==1.3.1 ssh-tunnel-switch==1.4.1 threaded-async==1.4 ton-connect-async==0.2.19 \
  universalasync==0.5.2.0 z21aio==1.0.7 zmuxio-aioquic==0.1.1
