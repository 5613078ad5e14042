#!/usr/bin/env bash
# Downloads the "dev28" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev28.sh DEST        -> DEST/dev28/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev28/ (labelled under RUBRIC.md's issue 55 conventions).
set -euo pipefail
dest=${1:?usage: get-dev28.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"

# All twelve are pure-Python wheels, fetched for CPython 3.12 (fetch_platform_wheels), as
# get-dev27.sh does: spade 4.1.4 declares Requires-Python <=3.14, which excludes 3.14.2.
# proxybroker2 has only pre-releases on PyPI: 2.0.0a4 is its newest.

fetch_platform_wheels "$dest" dev28 repid==2.1.4 lightbus==1.1.2 ircrobots==0.7.2 spade==4.1.4 \
  aiostomp==1.7.3 asyncio-paho==0.6.0 poke-env==0.16.1 proxybroker2==2.0.0a4 aiogremlin==3.3.4 \
  aiosenseme==0.6.1 gehomesdk==2026.8.0 pyeiscp==0.0.7
