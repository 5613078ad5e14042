#!/usr/bin/env bash
# Downloads the "dev113" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev113.sh DEST        -> DEST/dev113/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev113/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev113.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev113 mpaio==1.0.0 multids==0.2.1 neuroweave-python==0.2.1 \
  openalerts==0.1.5 pondsocket==0.0.7 promptnest==0.3.0 pteranodon==0.0.1.1 \
  pyaprilaire==0.9.1 pyavreceiver==0.0.10 pyforge-framework==0.1.0 pyoutlineapi==0.4.0 \
  pyrill-fs==0.1.2 roboherd==0.1.14 sftppath==0.1.3 streamish==0.1.5 traspider==0.1.0 \
  ultrasync-mcp==1.1.0
