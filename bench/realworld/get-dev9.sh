#!/usr/bin/env bash
# Downloads the "dev9" asyncio libraries of our eleventh (blind) labelled real-world set from PyPI.
#   usage: get-dev9.sh DEST        -> DEST/dev9/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev9/ (a ninth set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev9.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev9 revolt.py==0.2.0 aioftp==0.28.3 pygls==2.1.1 aiomqtt==2.5.1 \
  pysnmp==7.1.30 zwave-js-server-python==0.74.0 streaq==7.2.0 bumble==0.0.236 \
  ib_async==2.1.0 steamio==0.6.2 aiolifx==1.2.2 aiozmq==1.0.0
