#!/usr/bin/env bash
# Downloads the "dev94" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev94.sh DEST        -> DEST/dev94/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev94/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev94.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev94 arreena-sfu==0.1.0 ble-mcp-server==0.3.0 blemees-tui==0.1.0 \
  blockchecks==1.4.1 bluetooth-2-usb==0.9.1 cadbuildr-broker==0.2.1 chicane==0.4.9 \
  claude-code-openai==0.1.1 claude-code-telegram-bridge==0.1.0 clauster==1.3.2 \
  figmin-mcp==0.2.2 gradio-webrtc==0.0.31 helix-rt==0.1.0 inspirabot-daemon==0.1.0 \
  kestrel-channel-whatsapp==0.2.2 lobsterx==0.2.1b0 localnet-control==0.2.0
