#!/usr/bin/env bash
# Downloads the "dev25" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev25.sh DEST        -> DEST/dev25/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev25/ (labelled under RUBRIC.md's issue 55 conventions).
set -euo pipefail
dest=${1:?usage: get-dev25.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"

# aioxmpp and molotov publish no wheel of their current releases, only an sdist (fetch_sdist).

fetch_platform_wheels "$dest" dev25 pybotters==1.11.2 pyintesishome==2.5.0 \
  fastapi-websocket-rpc==0.1.29 fastapi-websocket-pubsub==1.0.1 satel-integra==1.6.0 ansq==0.3.0 \
  aiotractive==2.0.0 chancy==0.26.0 aardwolf==0.2.16 msldap==0.5.15
fetch_sdist "$dest" dev25 aioxmpp==0.13.3 molotov==2.6
