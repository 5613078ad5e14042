#!/usr/bin/env bash
# Downloads the four "extra" asyncio libraries of our own labelled real-world set from PyPI.
#   usage: get-extra.sh DEST        -> DEST/extra/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels/.
set -euo pipefail
dest=${1:?usage: get-extra.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" extra aio-pika==10.2.1 hypercorn==0.18.0 zigpy==2.4.0 bleak==3.1.0
