#!/usr/bin/env bash
# Downloads the "dev98" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev98.sh DEST        -> DEST/dev98/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev98/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev98.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev98 agentbridge-cli==0.1.19 agentkit-sdk==0.6.0 \
  agentmatrix-core==0.7.0.54 biostream==0.0.1 bot-cmder==0.3.0 claudette-voice==0.1.4 \
  coval-agent-sdk==0.1.1 crossby==0.44.1 harness-im-bridge==0.1.0 \
  hciemu==1.2.0 helladmin-server==0.1.0a5 imperial-a2a==1.0.1 layercode-gym==0.9.1
# eidolon-ai-sdk's wheel does not admit Python 3.14 (Requires-Python <3.13): fetched as for CPython 3.12
# (a pure-Python wheel all the same).
fetch_platform_wheels "$dest" dev98 eidolon-ai-sdk==0.1.184
