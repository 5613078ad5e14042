#!/usr/bin/env bash
# Downloads the "dev39" asyncio libraries of a blind labelled real-world set from PyPI: a set no
# file of the project named before, labelled from the code alone before taskleak was run on it.
#   usage: get-dev39.sh DEST        -> DEST/dev39/<package>      (see fetch-wheels.sh)
# Labels: bench/realworld/labels-dev39/ (labelled under RUBRIC.md's issue 55 and issue 69
# conventions, each row with its question and scope).
set -euo pipefail
dest=${1:?usage: get-dev39.sh DEST}
source "$(dirname "$0")/fetch-wheels.sh"
fetch_wheels "$dest" dev39 cync-lan==0.16.2 roombapy-prime==0.8.2 swiftbot==1.6.4 \
  curadise-agent==0.1.3 pythontwitchbotframework==2.12.3 nikobus-connect==0.56.0 \
  muxu-io-mqtt-application==1.1.0 ampio-mqtt==0.77.0 aiorexense==0.2.1 aiomarstek==0.2.2 \
  gramly==1.4.1 telebot-py==1.8.0 pyrallel-consumer==1.0.0 smooai-smooth-operator==1.66.0 \
  mcp-pool==1.0.0 converger==0.1.1 pyisyox==6.0.1 natsapi==0.1.4
