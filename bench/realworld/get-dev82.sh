#!/usr/bin/env bash
# Downloads the "dev82" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev82.sh DEST        -> DEST/dev82/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev82/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev82.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev82 agentforum==0.0.10 airframe-agents==0.9.2 allpowers-ble==0.0.3 \
  asyncsqlpy==0.1.8 avionmesh==2.0.11 bluelobster==0.1.2 coding-bridge-agent==2026.6.20.0 \
  combustion-ble==0.3.3 embody-ble==1.1.32 esp-donut==0.5.2 even-glasses==0.1.11 \
  garmin-ble==0.3.2 grugstream==0.0.17 initrunner==2026.10.4 kaiju-scheduler==0.1.4 \
  legoeducation==1.2.0
