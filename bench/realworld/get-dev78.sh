#!/usr/bin/env bash
# Downloads the "dev78" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev78.sh DEST        -> DEST/dev78/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev78/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev78.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev78 alter-runtime==0.4.16 clawmeets-daemon==0.1.4 \
  coding-bridge==2026.10.4.0 contextos-daemon==1.0.2 edgevox==1.3.2 \
  empiric-intelligence-worker==0.13.1 figmin-bridge==0.2.5 fluxlink==0.1.0 forgewatch==1.5.0 \
  gridshell==1.0.0b5 hapbeat-helper==0.5.0 kiapi-relay==0.5.2 kimi-discord-bridge==0.1.12 \
  lightberry-ai==0.1.1 lrvd==0.3.0
