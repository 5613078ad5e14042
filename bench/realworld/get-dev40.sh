#!/usr/bin/env bash
# Downloads the "dev40" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev40.sh DEST        -> DEST/dev40/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev40/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev40.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev40 boilermaker-servicebus==1.4.1 async-task-api-worker==0.1.0rc5 \
  icij-worker==0.20.2 django-events-client==1.1.5 onestep==1.15.0 py-bragerone==2026.10.1 \
  beeos-bridge-client==0.1.0 flowrhythm==0.2.0 looselycoupled==0.6.1 broka==0.0.2 \
  polyqueue==0.0.1 anycubic-cloud-client==0.1.3 tuskpool==0.1.0 aiomqttc==1.0.7 \
  django-tasks-concurrent==0.7.3 cync-lan-mqtt==0.2.3 sepp-py==0.1.0 pulse-queue==0.1.0
