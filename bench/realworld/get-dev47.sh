#!/usr/bin/env bash
# Downloads the "dev47" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev47.sh DEST        -> DEST/dev47/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev47/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev47.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev47 minions==0.0.2 rabbitkit==0.19.1 rubpy==7.3.5 pyvectis==0.1.0 \
  praxium==0.1.1 taskshed==0.10.0 umaxbot==0.2.0 openvkbottle==0.1.0 \
  pykaleidescape==1.2.0 teslemetry-stream==1.3.0 vkapi-framework==0.1.3 \
  tinkerfin-notifications==0.1.1 schideron==0.1.0 prefactor-core==0.5.3 tesla-fleet-api==1.18.1 \
  triggr==0.1.0 samsungtvws==3.0.6 pyjvcprojector==2.1.0
