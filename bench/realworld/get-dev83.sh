#!/usr/bin/env bash
# Downloads the "dev83" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev83.sh DEST        -> DEST/dev83/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev83/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev83.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev83 mautrix-telegram==0.15.3 omni-message-provider==0.2.14 pboy==0.5.0 \
  peerpyrtc==0.2.2 relayai-local-bridge==0.1.2 relaymessenger==0.1.1 relaymessenger-livekit==0.1.0 \
  relaymessenger-pipecat==0.1.1 trapster==1.2.3 twitchaio==0.5.post0 unclaude==0.7.0 \
  usepaxterapp==0.1.11 voxta-twitch-relay==0.1.0 witbitz-code==1.15.0 zhushou==0.1.5
