#!/usr/bin/env bash
# Downloads the "dev23" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev23.sh DEST        -> DEST/dev23/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev23/ (labelled under RUBRIC.md's issue 55 conventions).
set -euo pipefail
dest=${1:?usage: get-dev23.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_platform_wheels "$dest" dev23 ably==3.1.4 satori-python==1.3.11 pywizlight==0.6.6 \
  pyenvisalink==4.10 pynobo==1.9.0 python-izone==1.2.9 simpleobsws==1.4.3 cashews==7.6.0 \
  velbus-aio==2026.7.2 pyroute2==0.9.7 pyps4-2ndscreen==1.3.1 screenlogicpy==0.10.2
