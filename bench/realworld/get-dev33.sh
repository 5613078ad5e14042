#!/usr/bin/env bash
# Downloads the "dev33" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev33.sh DEST        -> DEST/dev33/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev33/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev33.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev33 eufy-home-security==0.4.7 wire-rpc==0.3.0 gramflux==0.5.0a1 \
  python-ndn==0.5.2 sukko==0.1.2 pyjabber==0.4.5 python-twitchchat==1.1.0 netaio==0.0.9 \
  zenmqtt==0.1.0rc6 aio-periodic==1.0.0 caneth==0.3.2 ari-client==0.9.0 atsq==1.0.0a6 \
  lzhasynctcpclient==0.1.6 aioscheduler==1.4.2 pymumble-rev==0.1.0
fetch_sdist "$dest" dev33 connectrum==0.8.2
