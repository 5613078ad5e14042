#!/usr/bin/env bash
# Downloads the "dev6" asyncio libraries of our eighth (blind) labelled real-world set from PyPI.
#   usage: get-dev6.sh DEST        -> DEST/dev6/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev6/ (a sixth set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev6.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev6 google-adk==2.13.0 py-cord==2.8.1 aiormq==7.2.4 rstream==1.1.1 \
  aioice==0.13.0 HAP-python==5.0.0 litestar==2.25.0 sanic==25.12.1 quart==0.23.1 \
  strawberry-graphql==0.341.2 gql==4.4.0 jupyter-server==2.21.1 langchain-core==1.8.2 \
  semantic-kernel==1.45.0 autogen-core==0.7.5 autogen-agentchat==0.7.5 \
  async-upnp-client==0.49.0 pymodbus==3.16.1
