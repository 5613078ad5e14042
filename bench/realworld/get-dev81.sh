#!/usr/bin/env bash
# Downloads the "dev81" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev81.sh DEST        -> DEST/dev81/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev81/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev81.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev81 olist-loafer==7.0.0 p2pd==2.7.9 pipevine==0.1.5 piwapp==0.1.1 \
  proxen==0.13.1 re-ircbot==1.7.0 relais==0.2.1 snorq==0.2.2 sunnygram==1.2.1 taskex==0.2.16 \
  tuya-ipc-p2p-sdk==0.1.1 vaidcord==0.2.0 web3-reactor==0.1.0 woodglue==0.0.9 wormhole-proxy==3.6.0
