#!/usr/bin/env bash
# Downloads the "dev17" asyncio libraries of our nineteenth (blind) labelled real-world set from PyPI.
#   usage: get-dev17.sh DEST        -> DEST/dev17/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev17/ (a seventeenth set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev17.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev17 huey==3.5.4 purerpc==0.8.0 aiozipkin==1.1.1 aiolimiter==1.3.0 \
  daphne==4.2.3 urwid==5.1.0 beanie==2.0.0 aioboto3==15.5.0 hass-client==1.4.1 \
  aioamazondevices==17.2.3 yalexs-ble==7.2.2 yalexs==9.2.13 aionanoleaf==0.2.1 \
  pylamarzocco==2.5.2 pysnooz==0.10.0 aioacaia==0.2.3 led-ble==1.1.12
