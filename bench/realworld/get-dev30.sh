#!/usr/bin/env bash
# Downloads the "dev30" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev30.sh DEST        -> DEST/dev30/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev30/ (labelled under RUBRIC.md's issue 55 conventions).
set -euo pipefail
dest=${1:?usage: get-dev30.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_platform_wheels "$dest" dev30 pyipv8==3.2.1 hivemind==1.1.12 signalr-async==3.0.0 \
  hikari-miru==4.3.1 hikari-arc==2.3.2 yiri-mirai==0.2.6.1 databento==0.88.0 wechaty==0.10.7 \
  unicorn-binance-websocket-api==2.16.1 nextcore==2.0.2 hikari-crescent==1.4.0 \
  aiosignalr==0.1.1 proxy-protocol==0.11.3
