#!/usr/bin/env bash
# Downloads the "dev59" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev59.sh DEST        -> DEST/dev59/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev59/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev59.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev59 metricq==5.4.0 muxws==0.4.3 oshconnect==0.5.5a1 polyws==0.2.3 \
  protobus==2.0.0 pulsar-relay==0.2.1 py-wsvnc==1.0.0 revpty==0.5.22 samsungframetv==4.1.4 \
  swarmbus-py==0.2.0 tinkerforge-async==1.6.2 topicgate==1.6.0 tunnelterm==0.2.1 \
  webshocket==0.5.2 wsrpc-asgi==0.2.1 slixfeed==2025.12.31
