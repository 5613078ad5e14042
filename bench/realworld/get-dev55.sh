#!/usr/bin/env bash
# Downloads the "dev55" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev55.sh DEST        -> DEST/dev55/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev55/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev55.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev55 mip-client-python==1.0.2 muxswarm==0.6.1 nekomoe==0.2.3 \
  oneopen-broker==0.1.0 oopz-sdk==0.15.0 piratetok-live-py==0.3.0 qcrbot-sdk==1.0.0 \
  realtime-gateway==0.1.1 relayx-device-sdk==0.1.2 remcat==0.2.0 rox-bridge==1.2.1 \
  synadia-ai-agents==0.8.1 tunely==0.12.0 xiaozhuiot-robot-sdk==0.1.3 yantraxa-bridge==0.2.2 \
  zclaudia-gateway==0.4.0
