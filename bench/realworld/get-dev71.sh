#!/usr/bin/env bash
# Downloads the "dev71" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev71.sh DEST        -> DEST/dev71/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev71/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev71.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev71 nextcordwavelink==3.5.0 nocturna-engine==0.1.0 orditect-flow==0.1.7 \
  penguin-metrics==0.0.2 piko-cucc==0.1.12 plugwise-usb==0.47.8 shellous==0.42.0 shellwire==0.1.4 \
  sigenergy2mqtt==2026.10.10 smhub-flasher==1.0.4 streamdouble==0.3.0 synapsekit==2.0.1 \
  textual-web==0.8.0 walbox==1.0.0 websocket-tunnel==0.3.2
