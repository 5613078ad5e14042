#!/usr/bin/env bash
# Downloads the "dev10" asyncio libraries of our twelfth (blind) labelled real-world set from PyPI.
#   usage: get-dev10.sh DEST        -> DEST/dev10/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev10/ (a tenth set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev10.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev10 prefect==3.9.1 pulumi==3.272.0 twitchAPI==4.5.0 \
  deebot-client==6.0.2 aiostream==0.8.1 haystack-ai==3.4.1 aioautomower==3.1.0 \
  ipykernel==7.4.0 jupyter_client==8.10.0 ring-doorbell==0.9.14
