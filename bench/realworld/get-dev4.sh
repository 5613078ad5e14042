#!/usr/bin/env bash
# Downloads the "dev4" asyncio libraries of our sixth (blind) labelled real-world set from PyPI.
#   usage: get-dev4.sh DEST        -> DEST/dev4/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev4/ (a fourth set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev4.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev4 livekit-agents==1.8.9 pipecat-ai==1.14.0 openai-agents==0.24.0 \
  a2a-sdk==1.3.0 pydantic-ai-slim==2.68.0 nextcord==3.2.0 hypha-rpc==0.21.47 pyee==16.0.1
