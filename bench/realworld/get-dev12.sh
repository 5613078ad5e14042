#!/usr/bin/env bash
# Downloads the "dev12" asyncio libraries of our fourteenth (blind) labelled real-world set from PyPI.
#   usage: get-dev12.sh DEST        -> DEST/dev12/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev12/ (a twelfth set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev12.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev12 telnetlib3==5.0.1 aiozk==0.32.0 aiometer==1.0.0 pproxy==2.7.9 \
  graia-ariadne==0.11.7 TikTokLive==7.0.1
