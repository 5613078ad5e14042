#!/usr/bin/env bash
# Downloads the "dev97" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev97.sh DEST        -> DEST/dev97/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev97/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev97.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev97 narq==0.2.1 nats-py-worker==0.0.9 nat20==0.1.0 pygizwits==0.0.3 \
  quart-tasks==0.5.0 salada==1.2.7 source-query-proxy==2.5.0 siderpy==0.7.0 vkpybot==0.2.0 walnats==1.2.6 \
  winerp==1.5.0 wsterm==0.7.1 zentask==0.1.0
