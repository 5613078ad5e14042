#!/usr/bin/env bash
# Downloads the "dev77" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev77.sh DEST        -> DEST/dev77/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev77/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev77.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev77 mcuscope==0.4.0 molaboard-worker==0.2.0 morevoice==1.0.0 \
  neewerd==0.1.0 nonebot-plugin-all4one==0.1.0a4 ors-server==0.2.0 scietex-service==6.2.0 \
  synchronaut==0.3.5 tasc-hpc-daemon==0.1.3 tg-gateway-bot==0.2.0 unitport==0.0.125 \
  voxedge==0.0.15a4 xime==0.1.0 yaqd-core==2025.12.0 yatbaf==0.13.0
