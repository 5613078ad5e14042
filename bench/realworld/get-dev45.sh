#!/usr/bin/env bash
# Downloads the "dev45" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev45.sh DEST        -> DEST/dev45/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev45/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev45.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev45 mindagent==0.6.2 maxrubika==1.17.0 pyattacker==0.3.3 opensip==0.2.1 \
  satay==0.2.0 python-yate==0.5.1 vikhry==0.2.10 pymaxgram==4.0.47 pycentauri==0.9.1 \
  realtime-whisper==0.1.0 shadism==2.0.0 robobot-rubika==1.0.1 py-dsc-it100==1.1.0 \
  resumable-stream==0.2.0 pylumagen==0.1.8 max-library==0.3.0 pollakcord==0.2.0 \
  peyk==1.0.0.post39945017696
