#!/usr/bin/env bash
# Downloads the "dev20" asyncio libraries of a blind labelled real-world set from PyPI: clients
# and services with long-lived, reconnecting objects, most shipping only compiled wheels (their
# `.py` sources are what is read).
#   usage: get-dev20.sh DEST        -> DEST/dev20/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev20/ (labelled under RUBRIC.md's issue 55 conventions).
set -euo pipefail
dest=${1:?usage: get-dev20.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_platform_wheels "$dest" dev20 aiokafka==0.14.0 coredis==6.9.0 faust-streaming==0.15.3 \
  habluetooth==7.1.2 zeroconf==0.154.0 dbus-fast==5.2.0 asyncpg==0.32.0
