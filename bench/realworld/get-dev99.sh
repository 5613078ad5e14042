#!/usr/bin/env bash
# Downloads the "dev99" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev99.sh DEST        -> DEST/dev99/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev99/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev99.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev99 masogram==1.0 nats-common==0.1.0 netix==1.13 \
  nextcloud-talk-capture==0.3.1 oxalis==0.6.6 padrelay==3.0.0 patio==0.1.4 pipecat-anva==0.1.0 \
  purepythonmilter==0.0.1 pyami-asterisk==1.5.2 quart-trio==0.12.0 rtcam==0.0.5 \
  sse-relay-server==1.0.14 tasktools==1.2.0 uuv-webrtc==1.0.2 webants==0.0.1
