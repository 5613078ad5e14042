#!/usr/bin/env bash
# Downloads the "dev49" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev49.sh DEST        -> DEST/dev49/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev49/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev49.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev49 mofox-wire==0.1.7 peacepie==0.3.4 oibot==2026.10.22 \
  mqtt-hass-base==4.4.1 mqtt-entity==1.2.12 meridian-crdt==0.1.1 poolguy==0.1.8 \
  moleculerpy-channels==0.14.3 pyflichub-tcpclient==0.1.19 pg-scheduler==0.2.3 \
  openclaw-acp-bridge==0.7.1 tickforge==0.1.1 symphra-scheduler==1.0.2 pyorleans==0.2.0 \
  pyfaye==0.1.0 obs-ws-client==0.1.0
