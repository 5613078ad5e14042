#!/usr/bin/env bash
# Downloads the "dev68" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev68.sh DEST        -> DEST/dev68/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev68/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev68.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev68 agentduet==1.0.0 aiolocknalert==0.2.0 \
  cc-feishu-bridge==0.6.6 charter-daemon==0.0.1 dingclaw==0.9.0 dingraia==2.0.9 \
  feishu-bot-sdk==0.13.0 fluxera==0.3.0 fustor-agent==0.8.17 hermes-fry-cards==0.5.10 \
  hotframe==1.3.1 hyputils==0.0.10 kimi-bridge==1.0.5
# fastmeow ships only platform wheels (a bundled sidecar binary beside its pure-Python package), and
# amrita's wheel does not admit Python 3.14: both fetched as for CPython 3.12.
fetch_platform_wheels "$dest" dev68 amrita==1.13.1 fastmeow==0.3.1
