#!/usr/bin/env bash
# Downloads the "dev72" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev72.sh DEST        -> DEST/dev72/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev72/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev72.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev72 agex==0.13.0 anna-app-runtime-local==0.2.0a30 \
  atv-homekit-remote==0.1.0 avtomatika==1.0b30 aytgcalls==0.6.0 cliptunnel-mcp==1.2.0 \
  converger-agent==0.1.1 django-sockets==3.1.0 fast-job==0.3.0 fastware==0.6.3 \
  gadgetpanda==0.1.4 hitl-cdp-browser-provider==1.5.0 liveavatar-platform-rtc==1.0.3
# lapinbeam ships only platform wheels (a Rust transport core beside its pure-Python package), and
# listenflow's wheel does not admit Python 3.14: both fetched as for CPython 3.12.
fetch_platform_wheels "$dest" dev72 lapinbeam==1.3.0 listenflow==0.18.2
