#!/usr/bin/env bash
# Downloads the "dev87" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev87.sh DEST        -> DEST/dev87/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev87/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev87.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev87 mact-cli==1.3.10 molcrafts-molvis==0.3.0 multisocks==1.0.6 \
  mw75-streamer==1.0.8 nori-sdk==1.1.0 nostr-relay==1.14 outray==0.0.3 paty==0.0.8 \
  postfix-mta-sts-resolver==1.5.1 proxy-relay==1.4.0 ptadapter==3.0.1 pwnatpy==0.1.0.1 \
  quinkgl==0.3.6 relay-hermes==1.0.0rc9
# oldie-goldie's wheel does not admit Python 3.14 (Requires-Python <3.14): fetched as for CPython 3.12.
fetch_platform_wheels "$dest" dev87 oldie-goldie==0.6.1
