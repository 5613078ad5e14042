#!/usr/bin/env bash
# Downloads the "dev53" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev53.sh DEST        -> DEST/dev53/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev53/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev53.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev53 whiskerless==0.1.3 sunset-core==0.1.7 wecom-aibot-sdk==1.0.8 \
  robo-ws-bridge==0.11.0 tessium==0.1.0 wishee-hermes-connector==0.16.2 \
  webex-message-handler==0.6.17 socket-netty==0.4.0 uns-kit==0.2.6 qqbot-agent-sdk==1.2.2 \
  wse-client==2.5.1 maim-message==0.7.5 soothe-client-python==1.2.0 sil-sdk==0.1.7
