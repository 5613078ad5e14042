#!/usr/bin/env bash
# Downloads the "dev32" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev32.sh DEST        -> DEST/dev32/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev32/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev32.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_platform_wheels "$dest" dev32 driftpy==0.8.89 nacos-sdk-python==3.2.0 zmqtt==0.2.5 \
  natsio==0.2.1 greeclimate==4.1.0 outleap==0.9.0 aioptcp==1.0.2 async-irc==0.3.0 \
  victron-mqtt==2026.10.1 qemu-qmp==0.0.6 ophyd-async==0.21.3 robotcode-jsonrpc2==2.8.0 \
  bubus==1.5.6 tcp-modbus-aio==0.4.8 asyncfix==1.0.1
