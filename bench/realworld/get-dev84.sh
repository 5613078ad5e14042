#!/usr/bin/env bash
# Downloads the "dev84" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev84.sh DEST        -> DEST/dev84/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev84/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev84.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev84 actingweb==3.15.1 aioresonate==0.13.2 amb-core==0.3.0 \
  amodbus==0.1.0 arkitekt-runtime==5.2.0 async-dns==2.0.1 berconpy==3.1.4 betterbot==6.1.0 \
  bot-master==0.2.0 entroq==0.15.0 fastworker==0.3.0 flowfn==0.0.1 folderbot==0.1.82 \
  harness-toolbox==0.6.0 kubex==0.1.0b3
