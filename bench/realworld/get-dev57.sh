#!/usr/bin/env bash
# Downloads the "dev57" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev57.sh DEST        -> DEST/dev57/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev57/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev57.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev57 mcp-reverse-proxy-client==0.1.0 mrsal==3.17.1 pyoco-server==0.5.1 \
  p2p-copy==0.1.2 pmwallets==0.6.5 vinrog==0.1.0 wechat-openclaw-sdk==0.1.0 natswork-server==0.0.1 \
  mcpassistant-gateway==0.1.7 xmpp2mqtt==0.1.0 mqttd==0.5.3 warren==0.6.3 warmbly==0.3.0 \
  tinkerfin-gateway==0.1.1 muc-banbot==3.5.1 qmt-bridge==2.1.3
