"""Each rule family's high/medium findings against the labels, over many labelled sets at once.

    python bench/realworld/families.py SNAPSHOT SET... [--examples]

SNAPSHOT is a `snapshot.py` folder (`SNAPSHOT/<labels set>/<library>.jsonl`); each SET a labels
folder (`labels-dev37`, ...). A family is a rule and the words of its message with the names
taken out ("TL201 f() is left running after the wait"): what one rule says for one reason.
For each, the high/medium findings it makes on labelled libraries, as labelled (the same
grade), labelled another high/medium grade, labelled low or none, and on no labelled row; worst
first (wrong minus right). The measure of a rule across labellers and libraries, not of one
set's rows: run it over read sets only (it prints rows with `--examples`). Standard library
only, as `score.py`.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import score  # noqa: E402  (beside this script)

VERDICTS = ("as labelled", "other H/M", "labelled low", "no row")
_WORDS = (
    (re.compile(r"`[^`]*`"), "X"),  # a local's or a holder's name
    (re.compile(r"[\w.]+\(\)"), "f()"),  # a function's
    (re.compile(r"self\.[\w.\[\]]+"), "self.x"),  # an attribute's
    (re.compile(r"\b(in|by) [\w/]+\.py\b"), r"\1 M"),  # a module's
)


def family(rule: str, message: str) -> str:
    """"TL201 f() is left running after the wait" of "TL201", "pump() is left running ..."."""
    for pattern, shown in _WORDS:
        message = pattern.sub(shown, message)
    return f"{rule} {message}"


def _verdict(label: score.Label | None, risk: str) -> str:
    if label is None:
        return "no row"
    if label.risk == risk:
        return "as labelled"
    return "other H/M" if label.risk in score.POSITIVE else "labelled low"


def families(snapshot: Path, sets: list[str]) -> dict[str, Counter[str]]:
    """Family -> counts of its high/medium findings by verdict (`VERDICTS`), and the rows in
    `examples` (the counter's other keys: "set library path:line verdict")."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for name in sets:
        for config in score.discover(HERE / name):
            found = snapshot / name / f"{config.labels_file.stem}.jsonl"
            if not found.exists():
                continue
            labels = {(lb.path, lb.line): lb for lb in score.load_labels(config.labels_file)
                      if score._under(lb.path, config.include)}
            best: dict[tuple[str, int], score.Finding] = {}
            for f in score.snapshot_findings(found):
                key = (f.path, f.line)
                if score._under(f.path, config.include) and (
                        key not in best or score.RANK[f.risk] > score.RANK[best[key].risk]):
                    best[key] = f
            for key, f in sorted(best.items()):
                if f.risk not in score.POSITIVE:
                    continue
                verdict = _verdict(labels.get(key), f.risk)
                counts = out[family(f.rule, f.message)]
                counts[verdict] += 1
                counts[f"{name} {config.name} {key[0]}:{key[1]} {verdict}"] += 1
    return out


def table(found: dict[str, Counter[str]], examples: bool = False) -> list[str]:
    """One line a family, worst first; with `examples`, the rows not graded as labelled."""
    def wrong(c: Counter[str]) -> int:
        return c["labelled low"] + c["no row"] + c["other H/M"] - c["as labelled"]
    lines = [" | ".join(VERDICTS) + " | family"]
    for name, counts in sorted(found.items(), key=lambda kv: (-wrong(kv[1]), kv[0])):
        lines.append(" | ".join(f"{counts[v]:>{len(v)}}" for v in VERDICTS) + f" | {name}")
        if examples:
            lines += [f"    {row}" for row in counts if row not in VERDICTS
                      and not row.endswith(" as labelled")]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("snapshot", type=Path)
    parser.add_argument("sets", nargs="+", metavar="SET")
    parser.add_argument("--examples", action="store_true",
                        help="list the rows not graded as labelled (read sets only)")
    options = parser.parse_args(argv)
    print("\n".join(table(families(options.snapshot, options.sets), options.examples)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
