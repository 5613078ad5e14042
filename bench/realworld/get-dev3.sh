#!/usr/bin/env bash
# Downloads the "dev3" asyncio libraries of our fifth (blind) labelled real-world set from PyPI.
#   usage: get-dev3.sh DEST        -> DEST/dev3/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev3/ (a third set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev3.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev3 browser-use==0.13.14 gmqtt==0.8.0 chainlit==2.11.0 \
  python-telegram-bot==22.8 nonebot2==2.5.0 procrastinate==3.10.0 saq==0.26.4 bellows==1.2.1
