#!/usr/bin/env bash
# Downloads the "dev43" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev43.sh DEST        -> DEST/dev43/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev43/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev43.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev43 vkworkspace==1.12.0 rootpy-client==1.31.2 pymcbotlite==0.2.3 \
  tsbot==1.7.4 xtremeflow==0.4.4 waterlink==1.0.7 pyairtouch==4.0.0 py-bose-csp==0.3.5 \
  osiiso==1.1.0 mcpy-core==2.0.0 nemoria==1.1.0 mavpilot==0.3.0 pyairseekers==0.3.0 \
  madvr-envy==2.1.0 msaas-background-jobs==0.1.0 tremolo==0.5.3 telecraft==0.2.3
fetch_platform_wheels "$dest" dev43 ringo-task-queue==0.1.0.dev9
