#!/usr/bin/env bash
# Downloads the "dev2" asyncio libraries of our fourth (blind) labelled real-world set from PyPI.
#   usage: get-dev2.sh DEST        -> DEST/dev2/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev2/ (a second set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev2.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev2 python-socketio==5.18.1 python-engineio==4.15.1 matrix-nio==0.26.0 \
  mautrix==0.21.1 disnake==2.12.2 aioshelly==14.0.1 aiohue==4.9.0 aiounifi==97 pydeconz==120 \
  slack_bolt==1.30.0
