#!/usr/bin/env bash
# Downloads the "dev42" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev42.sh DEST        -> DEST/dev42/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev42/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev42.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev42 aionetx==0.1.0 carbus-lib==0.1.9 aiows==0.1.2 eazy-sdk-core==0.2.0a17 \
  aiopppp==0.2.3 aemeathcode==0.2.3 async-zulip-bot-sdk==1.3.0 aiospb==8.1.3 \
  aiosecurityspy==0.5.0 gpgram==0.2.0 actmc==1.12.2.post3 aiollm-gateway==0.2.0 \
  besen-bs20==0.2.2 aioaria2==1.3.7 cocon-client==0.2.5 gyron==1.2.2 harbor-python==1.5.0 \
  dycap==0.1.2
