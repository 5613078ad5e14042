#!/usr/bin/env bash
# Downloads the "dev61" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev61.sh DEST        -> DEST/dev61/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev61/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev61.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev61 mcmqtt==2025.9.17.1 mcp-plugin==0.1.6 mcp2xiaozhi==0.2.1 \
  meshcore-irc-bridge==0.1.3 mkio==1.6.0 mosesaic-core==0.3.3 nats-bursting==0.1.0 \
  nicemoe==1.0.0 shine2mqtt==0.1.0 statemachine-engine==1.0.91 streamcast==0.26.0 \
  tuya2mqtt==1.2.25 unitrad==0.1.0 unrealon==0.1.20 useceleris-client==1.1.0 ytnoti==3.0.4
