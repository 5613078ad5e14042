#!/usr/bin/env bash
# Downloads the "dev74" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev74.sh DEST        -> DEST/dev74/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev74/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev74.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev74 agent-run-supervisor==0.7.9 agentshive-sdk==0.9.19 ak5==2.0.0 \
  assistant-runtime==0.3.0 autobot-cli==0.1.5 bamboo-claw==0.1.3 baserun-cli==0.1.16 \
  bitbang==0.1.57 blemees==0.10.0 desk2ha-agent==1.5.0 egma==0.4.0 fastapi-webrtc==0.3.0 \
  haon-worker==0.4.2 hassreactor==0.3.0 irc-lens==0.15.1
