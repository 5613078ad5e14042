#!/usr/bin/env bash
# Downloads the "dev100" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev100.sh DEST        -> DEST/dev100/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev100/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev100.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev100 agent-augury==0.8.0 agent-coral==4.4.1 agent-mesh-router==0.2.0 \
  agent-zero==0.1.2 agentswarm==1.0.3 aioradio==0.22.0 aslmp==0.2.0 astromesh==0.74.1 \
  casbin-async-redis-watcher==0.0.1 cobald==0.14.0 coocan==1.1.0 fcwslib==3.0.0 hoopa==0.1.18 \
  http3x==0.2.1 lihil==0.2.41 linglong-web==0.0.2
