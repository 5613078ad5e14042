"""Compare the block parse with a whole parse on every big file of the corpora (issue 71).

    python bench/blocks_corpus.py [--above BYTES] [--multi [--others-read N]] ROOT...

Each file above `blocks.BLOCKS_ABOVE` bytes is copied alone into a temporary folder (alone in
its run) and checked twice: parsed whole, then from its blocks.
`--above`: compare on the files above this size instead (the block parse then used from there:
a stronger test than the real threshold, which few corpus files pass).
`--multi`: check instead the folder holding each big file, with its other files (a run where
the big file keeps the blocks the others may read it by: block_reads.py), whole and from
blocks; `--others-read N`: read the others' words while they are at most N times its size
(default `block_reads.OTHERS_READ`; raise it, or a corpus folder is mostly parsed whole).
The findings must be equal; prints the files, whether the stand-in left anything out, the
times, and exits 1 on any difference.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from taskleak.analysis.tree import block_reads, blocks
from taskleak.run import pipeline, prefilter, runner
from taskleak.session import Session, Source
from taskleak.settings import Settings


def _findings(path: Path, threshold: int) -> tuple[list[object], float]:
    runner.BLOCKS_ABOVE = pipeline.BLOCKS_ABOVE = threshold
    started = time.perf_counter()
    result = Session(Source((path,)), Settings(), jobs=1).analyse()
    return [*result.findings, *result.skipped], time.perf_counter() - started


def main() -> int:
    bad = 0
    args = sys.argv[1:]
    above = blocks.BLOCKS_ABOVE
    multi = "--multi" in args
    args = [a for a in args if a != "--multi"]
    if args[:1] == ["--above"]:
        above, args = int(args[1]), args[2:]
    if args[:1] == ["--others-read"]:
        block_reads.OTHERS_READ, args = int(args[1]), args[2:]
    for root in map(Path, args):
        big = sorted(p for p in root.rglob("*.py") if p.is_file() and p.stat().st_size > above)
        print(f"{root}: {len(big)} files above {above:,} bytes")
        for path in big:
            data = path.read_bytes()
            made = prefilter.may_spawn(data) and blocks.stand_in(
                data, prefilter.prefilter_for(()).seed_offsets(data))
            if multi:  # the folder as it is: the big file among its neighbours
                whole, t_whole = _findings(path.parent, 1 << 40)
                parts, t_parts = _findings(path.parent, above)
            else:
                with tempfile.TemporaryDirectory() as folder:
                    alone = Path(folder) / path.name
                    shutil.copyfile(path, alone)
                    whole, t_whole = _findings(alone, 1 << 40)
                    parts, t_parts = _findings(alone, above)
            same = whole == parts
            bad += not same
            print(f"  {path.relative_to(root)}: {len(data):,} bytes, "
                  f"{'blocks left out' if made else 'parsed whole or not at all'}, "
                  f"{len(whole)} rows, {'identical' if same else 'DIFFERENT'}; "
                  f"whole {t_whole:.2f} s, blocks {t_parts:.2f} s")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
