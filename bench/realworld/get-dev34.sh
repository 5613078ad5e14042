#!/usr/bin/env bash
# Downloads the "dev34" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev34.sh DEST        -> DEST/dev34/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev34/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev34.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev34 vanillacorn==0.1.2 cabbagok==2.0.1 nauyaca==0.11.0 echocorn==1.0.5 \
  personaltunnel-python-client==0.1.4 netproxy==0.3.1 websocket-wrapper==0.1.2 \
  eth-listener==0.1.1 pyarcamsolo==1.0.1 txoutbox==0.2.2 nucosobs==0.4.18 asyncio-rpc==0.3.4 \
  aiogossip==0.0.20 llrpkit==0.3.0 aiodouyu==0.4.11 corobots-async-sdk==1.1.0
fetch_sdist "$dest" dev34 bivalve==2.3.0 multirobot==0.0.9
