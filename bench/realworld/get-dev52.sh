#!/usr/bin/env bash
# Downloads the "dev52" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev52.sh DEST        -> DEST/dev52/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev52/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions and convention 7, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev52.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev52 aerosim-drone==0.1.15 aethernet-core==3.0.0 ai-relay==0.4.46 \
  agentrix-relay==0.2.1 agentruntimecontrolprotocol==1.1.3 agentsbazaar-worker==0.3.0 \
  amgi-paho-mqtt==0.51.0 apixis==1.1.5 async-paho-mqtt-client==0.3.5 barcode-server==2.5.0 \
  beeos-device-agent==0.3.8 binflow==0.6.1 eascheduler==0.2.11 ebus-service-discovery==0.5.1 \
  fastmqtt==0.2.1 ha-mqtt-device==1.3.0
