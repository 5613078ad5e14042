#!/usr/bin/env bash
# Downloads the "dev67" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev67.sh DEST        -> DEST/dev67/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev67/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev67.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev67 pi-agent-python-sdk==0.2.6 trugen-sdk==1.1.0 zeli-avatar==0.1.0 \
  telefeeds-sdk==0.4.1 msmbale==1.0.3 voxium==0.2.0 vsip-sdk==0.2.2 pickpoint==2.0.3 \
  ophyd-websocket==0.1.1 redzed==26.6.8 uc-toffee==2.0.0 refresh-engine==0.2.0 \
  nodalwire==0.1.0 mineflex==0.1.1 parsek-cdp==0.1.9 webskrap==3.2.1
