#!/usr/bin/env bash
# Downloads the "dev80" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev80.sh DEST        -> DEST/dev80/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev80/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev80.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev80 blemees-agent==0.10.2 blemees-peer==0.1.0 \
  bog-agents-daemon==0.9.14 botonomus==0.4.1 chuscraper==0.19.9 cloudoll==4.5.0 \
  codehome==0.3.3 ctrlrelay==0.12.4 datalogd==0.4.2 doorae-machine==0.6.0 \
  dum-dum-irc==0.5.0 evse-hub==0.7.1 jeedomdaemon==2.0.0 kestrion==0.7.1 kite-strings==0.3.2
