#!/usr/bin/env bash
# Downloads the "dev73" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev73.sh DEST        -> DEST/dev73/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev73/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev73.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
# undefined-bot is pinned to 2.11.2, its newest release whose wheel admits Python 3.14 (later ones
# require Python < 3.14).
fetch_wheels "$dest" dev73 netunnel==1.0.13 omnidaemon==0.1.1 paca-acp-bridge==0.12.5 \
  pocage==0.1.1 ptn==1.2.2 raytunnel==0.1.4 relayforge-agent==0.1.10 remotedev-agent==1.37.0 \
  retunnel==3.3.2 stcode==0.0.1a2 tsugite-daemon==0.25.3 tunnex==26.10.16.40 \
  tuneplane-node==0.4.0 undefined-bot==2.11.2 viaduct-sh==1.5.4
