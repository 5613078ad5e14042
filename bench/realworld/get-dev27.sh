#!/usr/bin/env bash
# Downloads the "dev27" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev27.sh DEST        -> DEST/dev27/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev27/ (labelled under RUBRIC.md's issue 55 conventions).
set -euo pipefail
dest=${1:?usage: get-dev27.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"

# emcache ships only compiled wheels (a Cython hash beside its .py sources): the CPython 3.12
# wheel, as for the other wheels (fetch_platform_wheels). vkwave is pinned to 0.2.8, its last
# release with a wheel: the later ones are sdists that need poetry to build even their metadata.
# telepot publishes no wheel, only an sdist (fetch_sdist).

fetch_platform_wheels "$dest" dev27 BAC0==2026.7.25 mqtt-io==2.7.0 kutana==6.0.1 \
  pybricksdev==2.3.2 emcache==1.3.3 signalbot==2.2.1 python-ffmpeg==2.0.12 propan==0.1.5.26 \
  pyduotecno==2024.10.1 pyhomee==1.4.7 vkwave==0.2.8
fetch_sdist "$dest" dev27 telepot==12.7
