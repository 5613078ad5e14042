#!/usr/bin/env bash
# Downloads the "dev58" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev58.sh DEST        -> DEST/dev58/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev58/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev58.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev58 kajenn==0.5.0 aiotest==1.2.0 aioscpy==0.3.13 lynkio==1.3.1 \
  galcymedia==0.1.1 asyncio-socks-server==1.3.3 codex-sdk-python==0.117.0 \
  devicerail-client==0.3.8 chainlesschain-agent-sdk==0.2.9 eridanus-dep==0.1.5 gjt==2.2.10 \
  hyperot-adapter-onebot==2.0.1 euler-onebot==0.0.2 erispulse-onebot12adapter==4.4.0 \
  endocore==1.1.0 anycli==0.1.1
