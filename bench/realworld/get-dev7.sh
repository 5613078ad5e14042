#!/usr/bin/env bash
# Downloads the "dev7" asyncio libraries of our ninth (blind) labelled real-world set from PyPI.
#   usage: get-dev7.sh DEST        -> DEST/dev7/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev7/ (a seventh set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev7.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev7 hatchet-sdk==1.43.1 streamlit==1.67.0 gradio==6.31.0 reflex==0.10.1 \
  nicegui==3.18.0 strands-agents==1.62.0 mcp-agent==0.2.6 crawl4ai==0.9.5 snitun==0.47.0 \
  pycrdt-websocket==0.16.5 wavelink==3.5.2 vkbottle==4.11.0 pytelegrambotapi==4.37.1 \
  pydle==1.2.0 pyisy==3.8.0 python-roborock==7.13.0 aiowebostv==0.10.0 aioharmony==1.0.11 \
  pylutron-caseta==0.30.1
