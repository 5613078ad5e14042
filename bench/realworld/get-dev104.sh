#!/usr/bin/env bash
# Downloads the "dev104" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev104.sh DEST        -> DEST/dev104/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev104/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev104.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev104 adsocket==0.2.2 ai-intervention-agent==1.9.0 aiocronjob==0.7.0 \
  aiolifecycle==0.1.8 aiowsgi==0.8 ansible-runner-nats==0.4.0 asynchrony==0.2.0 \
  cafeteria-asyncio==0.4.0 distex==0.7.2 fg-agents==0.4.7 framework-agents==0.2.0 \
  livekit-streaming-tts==0.1.3
