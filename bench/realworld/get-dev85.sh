#!/usr/bin/env bash
# Downloads the "dev85" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev85.sh DEST        -> DEST/dev85/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev85/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev85.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev85 maltego-transforms==1.4.0 minimappr==0.2.0 onecrawler==0.1.9 \
  opensmi-server==0.2 pagefetch==0.9.12 pasarguard-node-bridge==0.9.4 pyworkflowy==0.4.0 \
  qcrawl==0.4.0 quillion==0.2.10 silkworm-rs==0.16.0 superbrowser-sdk==2.14.0 \
  tradingkit-py==0.5.0 truedriver==0.1.5 wintergrab==0.3.0
# turbo-gepa's wheel does not admit Python 3.14 (Requires-Python <3.14): fetched as for CPython 3.12.
fetch_platform_wheels "$dest" dev85 turbo-gepa==0.1.6
