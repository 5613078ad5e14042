#!/usr/bin/env bash
# Downloads the "dev37" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev37.sh DEST        -> DEST/dev37/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev37/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev37.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev37 aqute==0.11.0 mysa-client==0.2.1 rearq==0.2.9 sheppy==0.0.7 \
  datastreamservicelib==1.15.0 freactor==1.0.1 tasklane==0.1.0 \
  miniconf-mqtt==0.21.0 aio-actors==0.1.4 iambus==0.2.1 aiomatrix==0.4.0 \
  homey-energy-dongle-ws==0.2.0 victronvenusclient==0.1.3 asyncactor==0.28.6 leasedkeyq==0.0.7 \
  neotask==1.0.4 navigator-eventbus==0.4.0
fetch_platform_wheels "$dest" dev37 signal-client==0.1.6
