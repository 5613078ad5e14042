#!/usr/bin/env bash
# Downloads the "dev14" asyncio libraries of our sixteenth (blind) labelled real-world set from PyPI.
#   usage: get-dev14.sh DEST        -> DEST/dev14/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev14/ (a fourteenth set to study and tune on, like labels-dev).
set -euo pipefail
dest=${1:?usage: get-dev14.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev14 ag2==1.2.1 llama-index-core==0.14.25 apache-airflow-core==3.3.2 \
  inngest==0.5.19 opentelemetry-instrumentation-asyncio==0.66b1 elevenlabs==2.78.0 \
  sentry-sdk==2.75.0 shiny==1.8.0 nonebot-adapter-onebot==2.4.6 pyoverkiz==2.3.0 \
  denonavr==1.3.3 aiojobs==1.4.0 dbus-next==0.2.3 aiopg==1.4.0 aioredis==2.0.1 \
  channels-redis==4.3.0 langchain-mcp-adapters==0.3.2
