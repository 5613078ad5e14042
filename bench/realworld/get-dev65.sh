#!/usr/bin/env bash
# Downloads the "dev65" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev65.sh DEST        -> DEST/dev65/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev65/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev65.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev65 tesseron==0.2.0 nextlink==3.3.0 pocketping==1.12.0 veloxcord==1.0.4 \
  polyalpha==2.4.0 mongoclaw==1.0.4 polymarket-apis==2.3.0 stitchdb==2.0.0 mizuki==0.7.0 \
  polynode==0.15.1 telegram-async==3.15.0 spade-mqtt==0.6.0 neosian==1.12.2 quorus-ai==0.7.12
