"""How long is the first line of a finding? (issue 56, point 3)

    python bench/message_length.py LIBRARY [LIBRARY ...] [--taskleak PATH] [--longest N]

For each LIBRARY folder, `taskleak check --output-format json --no-cache --isolated --fail-on
none .` in the folder, then the first line `full` and `concise` print for each high or medium
finding, `path:line:col: CODE [*] risk: claim`, rebuilt from the JSON row exactly as
`report/full.py` writes it. Prints the number of such lines, their median, 90th percentile and
longest length in characters, and the N longest lines. Exit 0; a measurement, not a gate.

The four libraries of issue 56 are fetched by `bench/get-libraries.sh DEST` (tornado 6.6.1,
aioesphomeapi 46.23.0, opsdroid 0.31.0, aiohttp 3.14.5, their source distributions).
`tests/bench/test_message_length.py` runs it on the seeds' server.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

BIN = Path(sys.executable).parent


def first_line(row: dict[str, Any]) -> str:
    """The header of a spawn's finding as `full` prints it (`report/full.first_line`; `[*]`
    for a safe fix, under the default settings)."""
    safe = (row.get("fix") or {}).get("applicability") == "safe"
    mark = row["rule"] + (" [*]" if safe else "")
    return (f"{row['path']}:{row['line']}:{row['column']}: {mark} {row['risk']}: "
            f"{row['message']}")


def headers(library: Path, taskleak: str) -> list[str]:
    """The first line of every high or medium finding taskleak reports in `library`."""
    out = subprocess.run([taskleak, "check", "--output-format", "json", "--no-cache",
                          "--isolated", "--fail-on", "none", "."], cwd=library,
                         capture_output=True, text=True, check=True)
    rows = json.loads(out.stdout)["findings"]
    return [first_line(r) for r in rows if r["risk"] in ("high", "medium")]


def percentile(lengths: Sequence[int], share: float) -> int:
    """The nearest-rank percentile of `lengths` (sorted or not)."""
    ordered = sorted(lengths)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("libraries", nargs="+", type=Path)
    parser.add_argument("--taskleak", default=str(BIN / "taskleak"))
    parser.add_argument("--longest", type=int, default=5)
    args = parser.parse_args(argv)
    lines = [line for library in args.libraries for line in headers(library, args.taskleak)]
    if not lines:
        print("no high or medium finding")
        return 0
    lengths = [len(line) for line in lines]
    print(f"{len(lines)} high/medium first lines: median {statistics.median(lengths):g}, "
          f"p90 {percentile(lengths, 0.9)}, max {max(lengths)} characters")
    for line in sorted(lines, key=len, reverse=True)[:args.longest]:
        print(f"{len(line):4d}  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
