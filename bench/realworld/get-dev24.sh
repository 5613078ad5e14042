#!/usr/bin/env bash
# Downloads the "dev24" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev24.sh DEST        -> DEST/dev24/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev24/ (labelled under RUBRIC.md's issue 55 conventions).
set -euo pipefail
dest=${1:?usage: get-dev24.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"

# pubnub publishes no wheel of its current releases, only an sdist (fetch_sdist).

fetch_platform_wheels "$dest" dev24 genesis==2026.10.18 reactpy==1.1.0 \
  bilibili-api-python==17.4.2 bscpylgtv==0.5.5 dbos==3.4.0 aioreactive==0.20.0 \
  azure-iot-device==2.14.0 wslink==2.6.0 mafic==2.11.0 pomice==2.11.1 zendriver==0.17.1
fetch_sdist "$dest" dev24 pubnub==10.8.0
