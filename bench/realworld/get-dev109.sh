#!/usr/bin/env bash
# Downloads the "dev109" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev109.sh DEST        -> DEST/dev109/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev109/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev109.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev109 magic-foundation==0.1.6 mavio==0.9.1 mcp-combiner==0.17.5 \
  mcspeak==2026.3.4.2 mobius3==0.0.44 mypalace==0.12.0 sled==0.0.4 tunnelmate-cli==1.5.0 \
  veloxserver==0.1.0 wattpilot-api==1.6.0 webex-kms-sdk==0.4.0 webharvester==0.1.1 \
  wyoming-mlx==0.2.0 yaqd-brooks==2026.6.0
# velithon ships only compiled wheels (a Rust extension beside its pure-Python package): fetched as
# for CPython 3.12.
fetch_platform_wheels "$dest" dev109 velithon==0.6.10
