#!/usr/bin/env bash
# Downloads the "dev92" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev92.sh DEST        -> DEST/dev92/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev92/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev92.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev92 airelays==0.22.0 animus-bootstrap==0.8.0 appss-sdk==0.1.2 \
  bobi==0.61.0 bochat-sdk==0.1.1 choreo-harness==1.0.0 commandnet==0.6.6 fastmind==0.2.6 \
  grafi==0.0.36 healthwatch-async==0.2.0 hydrastream==1.2.0 kioto==0.1.13 \
  leviathantalon-swarm==1.0.0 loomr==0.1.6 loopgraph==0.5.1
