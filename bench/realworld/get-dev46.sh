#!/usr/bin/env bash
# Downloads the "dev46" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev46.sh DEST        -> DEST/dev46/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev46/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev46.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev46 fluxwave==0.2.2 asyncmiele==0.2.6 duron==0.0.3 aiorehom==0.3.0 \
  jupyter-jchannel==0.3.9 citysports-efc-ble==0.1.3 binance-futures-async==0.1.1 \
  aio-powerrise-api==0.1.0.dev3 aiopoolside==0.1.1 chainway-serial==0.2.3 brisvox-agent==0.1.2 \
  brinjal==0.10.0 dryve-d1==0.3.0 chanx==2.13.0 grpc-server-kit==0.2.1 aliste==2.5.1
# aio-websocket-pool does not admit Python 3.14 (Requires-Python <3.13): its CPython 3.12 wheel.
fetch_platform_wheels "$dest" dev46 aio-websocket-pool==0.1.0
# lavamase publishes no wheel, only an sdist (its package folder is lavaMase/).
fetch_sdist "$dest" dev46 lavamase==1.0.0
