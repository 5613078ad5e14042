#!/usr/bin/env bash
# Downloads the "dev110" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev110.sh DEST        -> DEST/dev110/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev110/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev110.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev110 agenticore==1.9.0 amqmonitoring==0.2.1 \
  asyncwebsocketstreaminterface==1.0.5 blobhub-worker==0.11.0 bluetooth-mesh-bluez==0.9.3 \
  claude-code-remote==1.0.2 ctmodbus==1.0.0 darkcode-server==0.1.54 discord-bot-maker==2.1.1 \
  durable-actors==0.12.3 hiclaw-harness-worker==0.1.10 hollerback==0.1.0 \
  huobiasyncwebsocket==1.2.1 hybrid-automaton==1.0.0 kynetic-agents==0.13.0 lahja==0.17.0
