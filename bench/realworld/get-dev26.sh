#!/usr/bin/env bash
# Downloads the "dev26" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev26.sh DEST        -> DEST/dev26/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev26/ (labelled under RUBRIC.md's issue 55 conventions).
set -euo pipefail
dest=${1:?usage: get-dev26.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"

# restate-sdk ships only compiled wheels (a Rust core beside its .py sources): the CPython 3.12
# wheel, as for the others (fetch_platform_wheels).

fetch_platform_wheels "$dest" dev26 aioslsk==1.7.1 melobot==3.5.1 alicebot==0.11.0 \
  async-substrate-interface==2.2.1 moonraker-api==4.0.0 python-kraken-sdk==3.5.1 aionostr==0.20.0 \
  restate-sdk==1.3.0 wecom-aibot-python-sdk==1.0.2 home-connect-async==0.8.8 aioredlock==0.7.3 \
  speechmatics-python==5.0.0.post1
