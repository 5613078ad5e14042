"""What a change moved, counted against the labels: the trend the project measures itself by.

    python bench/realworld/moves.py OLD NEW [--list]

OLD and NEW are `snapshot.py` folders of two builds. For each labelled row, and each reported
row with no label, whose reported risk or words differ between them, the move is counted as
**to** its label (NEW's risk is the label's), **against** it (OLD's was), **other** (neither),
or **words** (same risk, other words). A row of a set in `never-read.txt` is counted and never
listed, so those sets stay unread; `--list` prints each move of the read sets, with NEW's words.
The highest risk reported on a line is the line's, as `score.py` scores it. Standard library
only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import score  # noqa: E402  (beside this script)

KINDS = ("to", "against", "other", "words")
Row = tuple[str, int]  # path, line


def never_read(file: Path = HERE / "never-read.txt") -> frozenset[str]:
    """The label folders nobody has read a disagreement of (`never-read.txt`)."""
    lines = file.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def _reported(snapshot: Path, config: score.LibraryConfig) -> dict[Row, score.Finding] | None:
    file = snapshot / f"{config.name}.jsonl"
    if not file.is_file():
        return None
    out: dict[Row, score.Finding] = {}
    for finding in score.snapshot_findings(file):
        if not score._under(finding.path, config.include):
            continue
        if config.only_spawners is not None and finding.spawner not in config.only_spawners:
            continue
        key = (finding.path, finding.line)
        if key not in out or score.RANK[finding.risk] > score.RANK[out[key].risk]:
            out[key] = finding
    return out


def kind(old: score.Finding | None, new: score.Finding | None, label: str | None) -> str | None:
    """The kind of move of one row ("to", "against", "other", "words"), None if it did not
    move. `label`: its labelled risk (None for no label, or a `none` one: a row to report
    nothing on)."""
    old_risk = old.risk if old else None
    new_risk = new.risk if new else None
    if old_risk == new_risk:
        same_words = (old.message if old else None) == (new.message if new else None)
        return None if same_words else "words"
    if new_risk == label:
        return "to"
    return "against" if old_risk == label else "other"


def moves(old: Path, new: Path, hidden: frozenset[str], listing: bool = False,
          root: Path = HERE) -> tuple[dict[str, Counter[str]], list[str]]:
    """The counts of moves on read and on never-read sets, and the lines `--list` prints
    (`root`: where the label folders are)."""
    counts: dict[str, Counter[str]] = {"read": Counter(), "never read": Counter()}
    lines: list[str] = []
    for folder in sorted(p for p in new.iterdir() if p.is_dir() and (root / p.name).is_dir()):
        unread = folder.name in hidden
        for config in score.discover(root / folder.name):
            before, after = _reported(old / folder.name, config), _reported(folder, config)
            if before is None or after is None:
                continue
            labels = {(x.path, x.line): (None if x.risk == "none" else x.risk)
                      for x in score.load_labels(config.labels_file)
                      if score._under(x.path, config.include)}
            for row in sorted(set(before) | set(after) | set(labels)):
                moved = kind(before.get(row), after.get(row), labels.get(row))
                if moved is None:
                    continue
                counts["never read" if unread else "read"][moved] += 1
                if listing and not unread:
                    was, now = before.get(row), after.get(row)
                    lines.append(f"{folder.name} {config.name} {row[0]}:{row[1]} label="
                                 f"{labels.get(row) or '-'} {was.risk if was else '-'} -> "
                                 f"{now.risk if now else '-'} {moved}")
                    if now is not None:
                        lines.append(f"    {now.message}")
    return counts, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--list", action="store_true", help="print each move of a read set")
    args = parser.parse_args(argv)
    counts, lines = moves(args.old, args.new, never_read(), args.list)
    for line in lines:
        print(line)
    for side, counted in counts.items():
        print(f"{side}: " + ", ".join(f"{k} {counted[k]}" for k in KINDS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
