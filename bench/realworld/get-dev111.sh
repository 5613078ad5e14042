#!/usr/bin/env bash
# Downloads the "dev111" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev111.sh DEST        -> DEST/dev111/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev111/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev111.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev111 ma-agent==0.2.0 neruva-control==0.10.1 nookplot-runtime==0.5.149 \
  pi-gateway==0.2.2 pocket-desk-agent==3.7.0 sandcastle-sim==0.1.3 sayd==1.2.9 \
  slack-channel-plugin==0.1.7 smrititantra==0.1.0 superpos-agent-core==0.1.15 \
  telegram-acp-bot==0.3.0 tempo-sim==0.4.0 tg-gemini==0.0.25 wxbridge==0.5.0 zmq-tubes==1.17.0
# yoooclaw-hermes-plugin ships only a manylinux wheel (a bundled binary beside its pure-Python packages)
# and origofs only an abi3 extension wheel beside its `.py` modules: both fetched as for CPython 3.12.
fetch_platform_wheels "$dest" dev111 yoooclaw-hermes-plugin==0.11.0 origofs==0.0.7
