#!/usr/bin/env bash
# Downloads the "dev76" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev76.sh DEST        -> DEST/dev76/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev76/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev76.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev76 aioanylist==1.0.2 async-nexus==1.0.2 bac-py==1.5.7 \
  chattice==0.3.5 chibi-bot==1.20.1 clanker9000==0.3.0 claudebot==0.1.0 \
  constella-gpu-backend==0.1.4 cybervisor==0.57.3 ecobee-local==1.1.1 fastsmtp==0.8.1 \
  gac-connect==0.5.0 huginn-framework==0.4.1 kindred-agent-phone==0.1.0 loominum==0.2.0
