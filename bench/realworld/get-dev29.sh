#!/usr/bin/env bash
# Downloads the "dev29" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev29.sh DEST        -> DEST/dev29/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev29/ (labelled under RUBRIC.md's issue 55 conventions).
set -euo pipefail
dest=${1:?usage: get-dev29.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"

# Eleven wheels, fetched for CPython 3.12 (fetch_platform_wheels), as get-dev28.sh does. falcon
# and clickhouse-connect ship compiled speed-ups beside their .py sources; granian's server core is
# a compiled Rust module beside its .py sources. The other eight are pure-Python wheels.
# aioesl publishes no wheel, only an sdist (fetch_sdist).

fetch_platform_wheels "$dest" dev29 falcon==4.4.0 a2wsgi==1.10.10 granian==2.8.9 \
  asyncio-redis==0.16.0 clickhouse-connect==1.12.0 eventkit==1.0.3 multilspy==0.1.1 \
  aiohttp-json-rpc==0.13.3 trio-asyncio==0.16.0 aiomanhole==0.7.0 hume==0.14.1
fetch_sdist "$dest" dev29 aioesl==0.1.3.3
