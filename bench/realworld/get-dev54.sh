#!/usr/bin/env bash
# Downloads the "dev54" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev54.sh DEST        -> DEST/dev54/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev54/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev54.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev54 aedb==0.1.0 cellcog==2.7.0 code-factory-agent==0.8.0 etoropy==0.1.7 \
  eventbusclient==0.2.0 faststream-concurrent-aiokafka==0.7.2 felicitas==0.1.0.2 \
  funasr-python==0.1.5 gate-ws==0.5.6 homismart-client==0.2.1 jefri-sdk==0.2.0 kermi2mqtt==0.1.4 \
  ksps==1.0.0 kryten-robot==1.12.6 liquidchat==0.8.8 liveavatar-channel-sdk==0.4.4
