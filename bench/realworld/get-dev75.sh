#!/usr/bin/env bash
# Downloads the "dev75" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev75.sh DEST        -> DEST/dev75/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev75/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev75.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev75 mcp-server-sofabaton==0.2.1 nautobot-broker-nats==1.2.4 \
  nitpick-voice==0.2.0 openvox-core==0.2.40 pipecat-local-tts-server==0.7.0 py-lav==1.9.1 \
  python-library-qq-adapter==0.1.5 rabbitmq-arq==0.2.2 ralphx==0.4.3 sawtooth-memory==0.3.0 \
  shell-session-manager==2.4.1 signalwire-sdk==3.7.5 supafone-labs==0.8.0 swarmgrid==2.1.0
# openrtc's wheel does not admit Python 3.14 (Requires-Python <3.14): fetched as for CPython 3.12.
fetch_platform_wheels "$dest" dev75 openrtc==0.20.1
