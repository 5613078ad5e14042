#!/usr/bin/env bash
# Downloads the "dev90" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev90.sh DEST        -> DEST/dev90/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev90/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev90.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev90 abigail==0.1.5 aioads==0.1.0.dev12 aiocflib==5.0.2 aiodistributor==0.0.3.3 \
  aiodrive==5.1 aiothreads==1.1.4 akernel==0.4.2 async-btree==3.0.1 \
  async-orch==0.1.1 async-timer==1.3.2 darq==0.11.3 diracx-tasks==0.7.0 \
  drygram==1.2.1 flame-core==0.1.2
# asyncflows 0.1.7 admits only Python <3.13: fetched as for CPython 3.12 (its wheel is pure Python).
fetch_platform_wheels "$dest" dev90 asyncflows==0.1.7
