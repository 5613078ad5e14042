#!/usr/bin/env bash
# Downloads the "dev103" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev103.sh DEST        -> DEST/dev103/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev103/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev103.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev103 pageserver==0.0.2 py-signalr-client==0.0.2 pyaitu==0.0.7 \
  pyasyncbot==0.6.0 pyrill==0.1.10 resilience-h8==0.2.0 slurry==1.3.1 snowfin==0.1.0 \
  steerable-sidecar==0.6.72 trio-paho-mqtt-up1==0.4.1 upagekite==0.3.2 workforce-async==0.12.0 \
  wsipc==0.0.3 wxtrio==0.2.2 yaclipy-tools==0.10.1 zthreading==0.1.19
