#!/usr/bin/env bash
# Downloads the "dev19" asyncio libraries of a blind labelled real-world set from PyPI.
#   usage: get-dev19.sh DEST        -> DEST/dev19/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev19/ (labelled under RUBRIC.md's issue 55 conventions).
set -euo pipefail
dest=${1:?usage: get-dev19.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_platform_wheels "$dest" dev19 appdaemon==4.5.13 hikari-tanjun==2.17.7 rocketry==2.5.1 \
  ib-insync==0.9.86 anthropic==2.14.0 weaviate-client==4.24.1 pytdbot==0.10.1 langroid==0.69.16 \
  mqttools==0.47.0 pyzeebe==4.7.0 panoramisk==1.4 ariadne==1.1.1
