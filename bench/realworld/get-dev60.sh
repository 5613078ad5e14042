#!/usr/bin/env bash
# Downloads the "dev60" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev60.sh DEST        -> DEST/dev60/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev60/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev60.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev60 aioflux==0.1.5 agentcyberrange==0.1.3 bluesky-nats==2.0.1 \
  brainlessdb==0.17.3 cexy==0.1.0.dev18 dashscope-realtime==0.1.8 discord-http==3.3.0 \
  godark==0.2.0 hermes-plivo-phone-gateway==0.2.1 j2i==1.1.0 jupygate==0.0.5 kestrel-channel-telegram==0.1.10 \
  kinopio-hub==3.0.0 lava-lyra==2.1.1 lionscraper==1.0.6 lumimqtt==1.0.19
