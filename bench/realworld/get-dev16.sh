#!/usr/bin/env bash
# Downloads the "dev16" asyncio libraries of our eighteenth (blind) labelled real-world set from PyPI.
#   usage: get-dev16.sh DEST        -> DEST/dev16/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev16/ (a sixteenth set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev16.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev16 naff==2.1.0 aiorpcX==0.25.0 aiopulse==0.5.3 maubot==0.6.0 \
  aiortsp==1.4.0 aiomisc==18.0.37 rsocket==0.4.20 aiosonic==1.3.3 voila==0.5.13 \
  ypy-websocket==0.12.4 camel-ai==0.2.90 aiodiscover==3.3.2 aiosmb==0.4.14 aioamqp==0.15.0 \
  pylitterbot==2025.7.0
