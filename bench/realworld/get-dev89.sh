#!/usr/bin/env bash
# Downloads the "dev89" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev89.sh DEST        -> DEST/dev89/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev89/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev89.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev89 paqlang==2.1.0 putplace-assist==0.3.0 \
  pyactionnet==0.2.0 pypeer==0.1.0 rssd-fs==0.3.0 socketscout==1.0.3 strands-bitchat==1.0.7 \
  switchbot-actions==2.3.0 synapse-p2p==2.5.0 tanmesh==0.1.0 wshawk==4.0.2 wsqlite3==0.7.3 \
  yaqd-lightcon==2025.12.0 yaqd-thorlabs==2025.12.0
# minia-voice's wheel does not admit Python 3.14 (Requires-Python <3.14): fetched as for CPython 3.12.
fetch_platform_wheels "$dest" dev89 minia-voice==0.1.0
