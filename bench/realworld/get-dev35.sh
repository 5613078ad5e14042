#!/usr/bin/env bash
# Downloads the "dev35" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev35.sh DEST        -> DEST/dev35/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev35/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev35.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev35 teyaotlani==0.1.4 gogo-keyboard==1.0.3 aioagi-ik==1.3.1 \
  gcloud-aio-pubsub-rpc==0.1.1 javascriptasync==0.2.2.8 iqoption-async==0.0.1 py-memoize==3.1.1 \
  ezib-async==0.3.0.dev0 aiodynamo==26.4 aiotg==2.0.0 redis-purse==2.0.2 fastpubsub==0.9.8 \
  varco-redis==3.2.0 abstract-chatshare==0.0.7 aiomb==0.2.0 boring-http==2.5.1 \
  asyncio-for-robotics==1.5.1
fetch_sdist "$dest" dev35 aiofranka==0.9.0
