#!/usr/bin/env bash
# Downloads the "dev13" asyncio libraries of our fifteenth (blind) labelled real-world set from PyPI.
#   usage: get-dev13.sh DEST        -> DEST/dev13/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev13/ (a thirteenth set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev13.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev13 aiohomematic==2026.10.6 panel==1.10.0 flet==1.0.5 aiotools==2.2.4 \
  aiortc==1.16.0 pydoll-python==3.0.0 nodriver==0.50.99 aioslimproto==3.3.0 crawlee==1.11.0 \
  google-genai==3.6.1 mode-streaming==0.7.1 uiprotect==25.0.0
