#!/usr/bin/env bash
# Downloads the "dev108" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev108.sh DEST        -> DEST/dev108/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev108/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev108.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev108 aio-amqp==0.1.1 aio-kafka-daemon==1.0.11 aio-peewee==0.4.1 \
  aioartifactory==0.1.27 aioircd==2.0.6 aiosaber==0.0.1.1 anyio-sqlite==0.3.0 \
  async-bitmex-ws==1.0.1 dippy-core==0.0.1a2 django-aiodrf==0.0.4 easyschedule==0.107 \
  fastrub==6.6.6 insitubatch==0.2.0 latticeag-polymesh==0.5.0 libq==0.5.0 \
  light-async-scheduler==0.0.2 dynamicforms-fastapi-viewsets==0.14.0
