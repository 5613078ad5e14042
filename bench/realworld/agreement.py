"""How often two labellings of the same rows agree: the ceiling a tool's score is read against.

    python bench/realworld/agreement.py FIRST SECOND [--agreed OUT]

FIRST and SECOND are label folders (`<library>.jsonl` as RUBRIC.md defines them; files named
`extra-*` are left out) holding the same rows, labelled by two people who did not see each
other's grades. Prints counts only, never a row: the exact agreement, the high/medium rows of
each and of both, the mediums of each and of both, and the matrix of grades (FIRST -> SECOND),
so a never-read set stays unread. `--agreed OUT` writes, beside a copy of each `.toml`, the
rows of FIRST that SECOND grades the same: a set `score.py --labels OUT` scores the tool on.
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections import Counter
from pathlib import Path

Key = tuple[str, str, int]  # library, path, line


def grades(folder: Path) -> dict[Key, str]:
    """Each row's risk, by library, path and line."""
    out: dict[Key, str] = {}
    for file in sorted(folder.glob("*.jsonl")):
        if file.name.startswith("extra-"):
            continue
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out[(file.stem, row["path"], int(row["line"]))] = row["risk"]
    return out


def _mattering(risk: str) -> bool:
    return risk in ("high", "medium")


def report(first: dict[Key, str], second: dict[Key, str]) -> list[str]:
    """The agreement of two labellings, as lines of counts."""
    keys = sorted(first.keys() & second.keys())
    same = sum(first[k] == second[k] for k in keys)
    hm_first = {k for k in keys if _mattering(first[k])}
    hm_second = {k for k in keys if _mattering(second[k])}
    either = hm_first | hm_second
    med_first = {k for k in keys if first[k] == "medium"}
    med_second = {k for k in keys if second[k] == "medium"}
    matrix = Counter((first[k], second[k]) for k in keys)
    return [
        f"rows: {len(first)} and {len(second)}, {len(keys)} in both",
        f"exact agreement: {same}/{len(keys)}",
        f"high/medium: first {len(hm_first)}, second {len(hm_second)}, both "
        f"{len(hm_first & hm_second)}",
        f"exact on the rows either grades high/medium: "
        f"{sum(first[k] == second[k] for k in either)}/{len(either)}",
        f"medium: first {len(med_first)}, second {len(med_second)}, both "
        f"{len(med_first & med_second)}",
        "grades, first -> second: " + ", ".join(
            f"{a}->{b} {n}" for (a, b), n in sorted(matrix.items())),
    ]


def write_agreed(first_dir: Path, second: dict[Key, str], out: Path) -> int:
    """The rows of `first_dir` that `second` grades the same, in `out`; how many."""
    out.mkdir(parents=True, exist_ok=True)
    kept = 0
    for file in sorted(first_dir.glob("*.jsonl")):
        lines = []
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if second.get((file.stem, row["path"], int(row["line"]))) == row["risk"]:
                    lines.append(line + "\n")
        (out / file.name).write_text("".join(lines), encoding="utf-8")
        shutil.copy(first_dir / f"{file.stem}.toml", out / f"{file.stem}.toml")
        kept += len(lines)
    return kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path)
    parser.add_argument("second", type=Path)
    parser.add_argument("--agreed", type=Path, default=None, metavar="OUT")
    args = parser.parse_args()
    first, second = grades(args.first), grades(args.second)
    print("\n".join(report(first, second)))
    if args.agreed is not None:
        print(f"agreed rows written to {args.agreed}: "
              f"{write_agreed(args.first, second, args.agreed)}")


if __name__ == "__main__":
    main()
