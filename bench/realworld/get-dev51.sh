#!/usr/bin/env bash
# Downloads the "dev51" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev51.sh DEST        -> DEST/dev51/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev51/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev51.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev51 mqttxx==4.0.3 wsrpc-aiohttp==4.1.1 omni-pca==2026.5.14 \
  moonlygram==1.3.1 selfrotgram==0.1.14 youeduc-sdk-messaging==0.10.0 python-pyproxy==0.2.2 \
  wokwi-client==0.5.1 tavernpy==1.0.0 pywaveshare==0.1.1 pico-kafka==0.1.6 quant-async==0.2.1 \
  sogni-client==5.70.0 noomexai-operationcore==0.1.0 shell-next==0.1.3 pyjmri==1.2.1
