#!/usr/bin/env bash
# Downloads the "dev56" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev56.sh DEST        -> DEST/dev56/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev56/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev56.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev56 acty==0.1.1 akribes==0.26.2 amqp-client-python==0.2.1 anam==0.12.0 \
  cosmo-ai-sdk==0.6.1 estuary-sdk==0.8.0 \
  croniq-runner==0.8.0 dialt-sdk==0.52.0 flowsync==0.1.0 \
  genai-protocol-lite==1.0.2 gmgnapi==0.1.0 konet==0.6.1 kline-client==0.1.4 \
  livelink==0.1.1
# Pure Python, but its wheel admits only Python 3.12: fetched for 3.12 (fetch-wheels.sh).
fetch_platform_wheels "$dest" dev56 lucent-voice-bridge==0.1.0
