#!/usr/bin/env bash
# Downloads the "dev62" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev62.sh DEST        -> DEST/dev62/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev62/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev62.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev62 agent-tether==0.4.2 aivg==0.4.0 amqp-fabric==0.2.3 citizenk==0.1.67 \
  fastapi-websocket-pubsub-plus==0.1.1 fastapi-ws-rpc==1.2.0 fastkafka2==0.6.1 gramit==0.7.0 \
  harness-gateway==0.9.9 harnessgate==0.1.0 hermes-band==0.1.0 hikari-wave==0.7.0a1 \
  holokai-neuron-sdk==0.2.0 hubble-gateway-sdk-python==0.2.0 kafklient==0.7.0
