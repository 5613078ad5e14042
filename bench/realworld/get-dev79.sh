#!/usr/bin/env bash
# Downloads the "dev79" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev79.sh DEST        -> DEST/dev79/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev79/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev79.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev79 manigent-daemon==0.1.4 msks==0.3.0 nats-micro==0.0.5 \
  oai-coding-agent==0.0.4 panini==0.8.4 pxx-orchestrator==2.9.3 socketshark==0.4.0 \
  stig==0.15.0a0 strawberry-crab==0.2.0 tlgr-cli==2.0.1 \
  trio-core==1.1.5 vsr-trio==0.3.2 waitbus==0.2.0 ws2udp==0.1.7 youcube==0.0.0
