#!/usr/bin/env bash
# Downloads the "dev11" asyncio libraries of our thirteenth (blind) labelled real-world set from PyPI.
#   usage: get-dev11.sh DEST        -> DEST/dev11/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev11/ (an eleventh set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev11.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev11 bacpypes3==0.0.110 pgqueuer==1.6.0 slack_sdk==3.48.0 \
  aiostreammagic==2.13.2 aiosonos==0.1.15 aiorussound==5.0.2 pypck==0.9.9 nice-go==1.0.3 \
  khl.py==0.3.17 qq-botpy==1.2.1 guilded.py==1.13.3 aiobafi6==0.10.2
