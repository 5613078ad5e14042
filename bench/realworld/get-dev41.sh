#!/usr/bin/env bash
# Downloads the "dev41" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev41.sh DEST        -> DEST/dev41/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev41/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev41.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev41 jrtc==3.3.0 aionanit==1.13.0 sannce-aio==0.1.1 janus-client==0.4.4 \
  loupedeck-python==0.1.2 pywhats==0.2.0 unfurled==0.6.3 knxdclient==1.2.0 \
  wukong-easy-sdk==0.1.0 realtimeodds==0.3.1 ktables==2.0.0 fastvk==0.0.18 zafather==0.4.2 \
  wavelink-adapter==0.1.1 serena==0.9.1 eventiq==1.1.16 enocean-async==0.16.0 \
  goxlrutil-api==0.0.2
