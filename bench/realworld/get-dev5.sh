#!/usr/bin/env bash
# Downloads the "dev5" asyncio libraries of our seventh (blind) labelled real-world set from PyPI.
#   usage: get-dev5.sh DEST        -> DEST/dev5/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev5/ (a fifth set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev5.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev5 distributed==2026.8.0 mitmproxy==12.3.1 discord-py-interactions==5.16.0 \
  xknx==4.0.0 python-matter-server==8.1.2 langgraph==1.2.22 pyppeteer==2.0.0 \
  prompt_toolkit==3.0.53 pyinsteon==1.7.0 zha==2.3.1 hass-nabucasa==2.8.1
