#!/usr/bin/env bash
# Downloads the "dev50" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev50.sh DEST        -> DEST/dev50/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev50/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions and convention 7, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev50.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev50 acpremote==1.10.0 aethermagic==0.2.23 afterlink==2.0.3 \
  aicqsdk==0.12.16 autobus==1.0.0 blaueis-client==0.1.0rc2 blaueis-gateway==0.1.0rc2 \
  ble2mqtt==0.2.5 cliffracer==1.0.0 cresnextws==0.2.5 daebus==0.0.31 \
  device-connect-edge==0.2.5 dirigera-bridge==1.1.0 domo-actors==1.0.1 duraton==0.1.2 \
  echorpc==1.0.0
