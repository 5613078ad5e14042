#!/usr/bin/env bash
# Downloads the "dev93" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev93.sh DEST        -> DEST/dev93/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev93/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev93.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev93 memnixa==0.1.0 pycyphal2==2.0.0.dev9 pyinsole==0.2.0a3 \
  pymoonraker==0.1.0 rdm-dmx-async==1.0.1 trialmatch-mcp-bridge==0.1.18 trio-util==0.8.0 \
  voicechatengine==0.0.3 zeyi==0.2.12
# pywebtransport ships only compiled wheels (a Rust core beside its `.py` package): fetched as for
# CPython 3.12.
fetch_platform_wheels "$dest" dev93 pywebtransport==0.21.1
