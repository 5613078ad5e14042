#!/usr/bin/env bash
# Downloads the "dev36" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev36.sh DEST        -> DEST/dev36/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev36/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev36.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev36 dingtalk-open-stream==0.1.6 dispatcherd==2026.5.27 planq==0.3.1 \
  everything-is-an-actor==0.1.6 powerview-connect==1.4.0 kademlia-dynamic==1.1.1 \
  supervice==0.4.2 datanet-sdk==0.1.1 zscams==2.2.0 fastmesh==0.2.0 workerlib==0.5.1 \
  aio-pika-batch==0.1.0 aiomadeavr==1.1.1 pyremootio==0.1.4 py-ha-ws-client==1.0.0 \
  metered-realtime==1.0.2 asyncircclient==1.0.3
fetch_sdist "$dest" dev36 electrum-client==0.1.0
