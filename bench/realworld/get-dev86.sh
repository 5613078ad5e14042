#!/usr/bin/env bash
# Downloads the "dev86" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev86.sh DEST        -> DEST/dev86/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev86/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev86.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev86 agenticontrol==0.1.0 agentdk==0.3.0 ai-voice-bot==1.0.1 \
  anyquart==0.3.0 async-serialized-rate-limiter==0.2.2 async-weave==0.1.1 autovox==0.0.1 \
  cirdanops==0.11.1 cuisp==0.1.0 dictum-asr==0.4.3 discord-video-stream-py==0.1.1 \
  django-channels-graphql-ws-next==1.0.3 djangochannelsrestframework==1.3.0 disquerd==0.1.0 \
  fastdc==2.2.0 ffmpeg-asyncio==0.1.3 llm-pipelines==0.3.0
