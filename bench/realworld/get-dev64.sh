#!/usr/bin/env bash
# Downloads the "dev64" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev64.sh DEST        -> DEST/dev64/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev64/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev64.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev64 aionlslivetiming==0.1.2 bluetooth-autoconnect==1.2.0 deribridge==0.1.0 \
  elva==0.37 esphome-mcp-client==0.6.1 fast-channels==1.1.0 fastramqpi==17.0.0 fcgisgi==0.2.3 \
  gabriel-server==5.2.0 gcn-manager==1.0.6 go-judge-client==0.3.0 ki2-simple-mqtt==0.1.2 \
  kombu-asyncio==6.0.0a5 kraken-sockets==0.1.3 kronoterm2mqtt==0.1.17 livechain==0.0.12
