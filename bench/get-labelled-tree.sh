#!/usr/bin/env bash
# Every labelled library in one tree (issue 57: the memory and cold budget of a monorepo-sized
# run): the reference corpora and every labelled real-world set, side by side.
#   usage: bench/get-labelled-tree.sh DEST   -> DEST/homeassistant, DEST/mid, DEST/extra,
#                                               DEST/fresh, DEST/dev, DEST/dev2 ... DEST/dev23
# About 52,800 Python files, 1.8 GB. Measure a cold run and its peak memory against ruff's:
#   /usr/bin/time -f "%e s %M KB" taskleak check --no-cache --exit-zero --output-format json DEST
#   /usr/bin/time -f "%e s %M KB" ruff check --isolated --no-cache --select RUF006 --exit-zero DEST
# Never commit it: it is other people's code, and large.
set -euo pipefail
dest=${1:?usage: get-labelled-tree.sh DEST}
here=$(dirname "$0")
"$here/get-corpus.sh" "$dest"
for get in "$here"/realworld/get-*.sh; do
  "$get" "$dest"
done
