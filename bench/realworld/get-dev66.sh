#!/usr/bin/env bash
# Downloads the "dev66" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev66.sh DEST        -> DEST/dev66/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev66/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev66.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev66 lonelypss==0.0.12 ggxs==1.4b4 home-disconnect==1.7.0 \
  kryncord==0.3.0b1 faceplant==0.9.7 hyperliquid-twap-watcher==0.1.1 geniuslib==5.6.0 \
  cmdorc==0.12.0 cloverspace==3.0.1 asynctasq-monitor==0.9.2 dunite==0.1.3 \
  kseniawebsocketlibrary==1.0.5 aiogram-stream-sender==0.3.1 cdpwave==3.3.0 bed-apy==0.2.5a0
