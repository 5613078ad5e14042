#!/usr/bin/env bash
# Downloads the "dev18" asyncio libraries of our twentieth (blind) labelled real-world set from PyPI.
#   usage: get-dev18.sh DEST        -> DEST/dev18/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev18/ (an eighteenth set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev18.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev18 irc3==1.1.12 asyncio-mqtt==0.16.2 aioconsole==0.8.2 aiosip==0.2.0 \
  langchain-community==0.4.2 dspy==3.4.1 aiocache==0.12.3 aioapns==4.0 arsenic==21.8 \
  graphql-ws==0.4.4 aiomultiprocess==0.9.1 pyserial-asyncio-fast==0.16
