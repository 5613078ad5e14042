#!/usr/bin/env bash
# Downloads the "dev112" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev112.sh DEST        -> DEST/dev112/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev112/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev112.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev112 aapns==23.7 aioaprs==0.4.2 ampdup==0.12.0 anova-wifi==2.0.0 \
  anyldap==0.2.0 asucks==0.2.0 asynced==1.3.1 botoy==9.11 cobras==2.9.137 cryptoxlib-aio==5.3.0 \
  hiven-py==0.0.3 idasen-ha==3.0.1 isy994v5==0.9.7 lab-orchestrator-ws-proxy-lib==1.0.0 \
  ld2410-ble==0.2.0 letpot==0.7.0
# busrt-async, entangld and khlbot-bcc publish no wheel, only an sdist: its top folder unpacked.
fetch_sdist "$dest" dev112 busrt-async==0.1.3 entangld==1.0.1 khlbot-bcc==1.0.3
