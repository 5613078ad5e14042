#!/usr/bin/env bash
# Downloads the "dev8" asyncio libraries of our tenth (blind) labelled real-world set from PyPI.
#   usage: get-dev8.sh DEST        -> DEST/dev8/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev8/ (an eighth set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev8.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev8 aiodocker==0.27.0 aiosmtpd==1.4.6 channels==4.3.2 python-kasa==0.12.0 \
  pyvlx==0.2.36 sse-starlette==3.7.0 zigpy-deconz==1.1.0 zigpy-znp==1.1.1 aioimaplib==2.0.3 \
  psycopg-pool==3.3.3 pyheos==1.0.6 pytibber==0.39.1 music-assistant-client==1.7.0 \
  aiomysql==0.3.2
