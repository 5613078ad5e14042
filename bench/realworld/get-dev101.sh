#!/usr/bin/env bash
# Downloads the "dev101" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev101.sh DEST        -> DEST/dev101/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev101/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev101.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev101 marketstream==0.1.0 micropython-websockets==0.1.0 mod9-asr==1.11.8 \
  neurobus==1.0.0 pytodo-qt==0.3.10 sparrowrpc==0.1.2 sqloutbox==0.6.0 \
  stateforward-proxyables==0.1.0 swarm-tune==1.0.0 szpontnet==0.5.0 unitapi==0.1.36 vocalyx==1.0.2
