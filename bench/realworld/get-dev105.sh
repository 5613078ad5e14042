#!/usr/bin/env bash
# Downloads the "dev105" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev105.sh DEST        -> DEST/dev105/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev105/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev105.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev105 matrixzulipbridge==0.4.1 mcp-stdio-bridge==1.5.0 mh-gateway==0.1.1 \
  mtbridge==0.9.0 overspeed==1.1.6 prompt-protector==1.0.0 samping==0.3.1 scratchcloud==1.2.3 \
  signalrgb-magichome-bridge==1.5.1 streaminghub-rpc-websocket==0.0.1 truenaspy==1.0.3 \
  unified-logger==0.1.0 vgs-bc-mcp==0.14.3 yokedcache==1.1.0
# speechflow's wheel does not admit Python 3.14 (Requires-Python <3.14): fetched as for CPython 3.12.
fetch_platform_wheels "$dest" dev105 speechflow==0.19.2
