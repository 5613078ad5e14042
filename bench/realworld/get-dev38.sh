#!/usr/bin/env bash
# Downloads the "dev38" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev38.sh DEST        -> DEST/dev38/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev38/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev38.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev38 kubemq==4.1.5 kamio==1.0.0b6 fronta==0.6.0 patchwork-node==1.0.0 \
  elephantq==0.3.1 chicory==0.1.0 qler==0.5.1 vrpc==3.0.3 tonies-api==0.1.4 nigrains==0.10.2 \
  jobify==0.14.0 asyncio-signal-bus==1.6.0 rocketchat-async==4.3.0 actorio-ng==0.1.5.2 \
  mindmesh==0.1.1 demystify-events==0.3.0 infinity-bus==6.0.0 slimfaas-client==0.84.16
