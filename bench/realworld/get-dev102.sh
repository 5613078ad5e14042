#!/usr/bin/env bash
# Downloads the "dev102" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev102.sh DEST        -> DEST/dev102/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev102/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev102.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev102 aioactioncable==0.8.1 aioafero==9.3.0 \
  aioamqp-consumer-best==2.4.0 aioremootio==1.0.0a21 aioutilities==1.0.3 aiovoip==0.3.2 \
  akq==0.0.1 async-poe-client==0.3.7 command-bridge==0.3.0 cprg==0.1.0 cursor-claw==0.1.0 \
  daie==1.0.6 elizaos-plugin-gmail-watch==2.0.0a5 fibaro-flua==0.1.90 jiama==0.8.1
