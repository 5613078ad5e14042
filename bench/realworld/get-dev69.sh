#!/usr/bin/env bash
# Downloads the "dev69" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev69.sh DEST        -> DEST/dev69/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev69/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev69.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev69 stompman==3.16.0 waggle-chat==0.10.33 pulse-mq==9.2.10 \
  relaycast-sdk==1.0.0 tsugite-discord==0.25.3 pymosquitto==0.4.1 py-sonora==1.2.8 \
  omnigent-slack==0.6.0 python-slack-agents==0.9.4 rubika-bot-api==1.2.0 reflexr==0.1.1 \
  televibe==0.7.1 pytdxdata==0.6.9 pyc8y==4.1.0 matrix-jitsi-bot==0.2.0 omnichat==1.0.0
