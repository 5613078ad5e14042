#!/usr/bin/env bash
# Downloads the "dev91" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev91.sh DEST        -> DEST/dev91/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev91/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev91.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev91 mcpzero-sdk==0.1.1 pipecat-ai-tail==0.0.5 \
  projectaria-webrtc-signaling-server==0.1.2 proto4webrtc==1.11.2 ravelink==1.0.0 \
  rivista==2025.11.13 slim-m==0.15.0 stimm==0.1.14 termcall==0.2.0 \
  uroboros-userbot==1.0.1 voiceground==0.1.8 voltricx==1.0.1 wavoice==0.4.2
# some-aiohttp-service's wheel admits only Python < 3.13: fetched as for CPython 3.12.
fetch_platform_wheels "$dest" dev91 some-aiohttp-service==0.1.7
