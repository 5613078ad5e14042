#!/usr/bin/env bash
# Downloads the "dev63" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev63.sh DEST        -> DEST/dev63/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev63/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev63.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev63 microfuse==0.5.0 modbus-gateway==0.0.5 model-runner-client==0.14.0 \
  multi-proto-agent==0.1.5 myvoiceai==0.0.11 nautilus-fyers==0.3.1 nethernet==0.0.2 nolag==2.6.0 \
  noticeme-srv==0.3.1 oddsockets==1.1.0 onestep-control-plane==0.2.0 runware-sdk==1.8.0 \
  synthetix-sdk==0.7.0 termuxcode==1.1.8 voicemaster==0.1.0 wirepod-vector-sdk-audio==0.9.0
