#!/usr/bin/env bash
# Downloads the "dev70" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev70.sh DEST        -> DEST/dev70/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev70/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev70.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev70 acruxcore==0.19.0 agent-killswitch==0.1.0 aio-scrapy==2.1.9 \
  aiodataloader==0.4.3 aiologging==0.2.11 aioscraper==0.16.0 ark-market-data-mcp==0.2.0 \
  cbor-rpc==1.0.1 chaser-crawler==1.1.1 codex-python-sdk-unofficial==0.128.0 \
  fastapi-reverse-proxy==0.4.0 langstage-core==1.0.53 loki-console-logger-python==1.0.12 \
  longrun-mcp-proxy==1.7.3
# borgee-plugin-sdk's wheel does not admit Python 3.14 (Requires-Python <3.14): fetched as for
# CPython 3.12 (it is pure-Python all the same).
fetch_platform_wheels "$dest" dev70 borgee-plugin-sdk==0.13.1
