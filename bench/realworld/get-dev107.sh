#!/usr/bin/env bash
# Downloads the "dev107" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev107.sh DEST        -> DEST/dev107/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev107/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev107.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev107 mopidy-async-client==0.6.4 pantalaimon==0.10.5 \
  phx-events==0.4.1 pymadoka-ng==0.4.2 pyrcb2==0.6.2 pyteletask==1.0.5 \
  python-bedrock==1.1.1 sanic-jsonrpc==0.4.0 spanconsumer==0.3.3 streamdeckd==0.1.0 \
  swbt-python==0.5.4 taskorbit==0.1.6a0 testcanarybot==1.1.3 vk-botting==0.11.4 \
  wsmprpc==1.1.3 wspg==1.17 zhaws==2022.2.13
