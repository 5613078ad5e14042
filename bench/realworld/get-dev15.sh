#!/usr/bin/env bash
# Downloads the "dev15" asyncio libraries of our seventeenth (blind) labelled real-world set from PyPI.
#   usage: get-dev15.sh DEST        -> DEST/dev15/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev15/ (a fifteenth set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev15.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev15 autogen-ext==0.7.5 jupyterhub==6.1.1 bokeh==3.10.2 ipyparallel==9.2.0 \
  nbclient==0.11.0 streamz==0.6.6 rio-ui==0.12.3 scrapy==2.19.0 aiorun==2025.1.1 qasync==0.28.0 \
  reolink-aio==0.22.0 aioairzone==1.0.5 serialx==1.15.1 wyoming-satellite==1.0.0 aiomonitor==0.7.1 \
  bottom==3.0.0 py-tgcalls==3.0.0 vocode==0.1.113 azure-eventhub==5.15.1 gcloud-aio-pubsub==8.0.0 \
  aiokatcp==2.3.0 realtime==2.34.1
