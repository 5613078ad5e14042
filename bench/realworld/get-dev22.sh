#!/usr/bin/env bash
# Downloads the "dev22" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev22.sh DEST        -> DEST/dev22/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev22/ (labelled under RUBRIC.md's issue 55 conventions).
set -euo pipefail
dest=${1:?usage: get-dev22.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_platform_wheels "$dest" dev22 chia-blockchain==2.7.5 autobahn==26.10.2 hydrogram==0.2.0 \
  bullmq==3.4.4 pydocket==0.27.0 web3==8.0.0 pyotgw==2.2.3 pyrisco==0.8.1 elkm1-lib==2.2.15 \
  telegrinder==0.5.1 pyadtpulse==1.2.14 neo4j==6.4.1
