"""Every finding on every labelled library, as one file per library, to compare two builds.

    python bench/realworld/snapshot.py OUT [--corpus DIR] [--taskleak PATH] [--jobs N]
                                           [--set NAME]...
    python bench/realworld/snapshot.py --compare OLD NEW

The first form runs taskleak (as `score.py` does: `check --format json --no-cache --isolated
--ignore-noqa --fail-on none`, in each library's folder) on the library of every label file of
every set (`labels*/`), and writes `OUT/<set>/<library>.jsonl`: one finding a line, the fields
that make a verdict (path, line, rule, risk, message, spawner), sorted; `score.py --snapshot`
scores them without running taskleak again. `--compare` prints every row that
differs between two such folders, grouped by set and library, and a count: the measure of "what
did this change move", before anyone reads a disagreement with the labels. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import score  # noqa: E402  (beside this script)

FIELDS = ("path", "line", "rule", "risk", "message", "spawner")


def _libraries(sets: list[str]) -> list[tuple[str, score.LibraryConfig]]:
    found = []
    for folder in sorted(HERE.glob("labels*")):
        if folder.is_dir() and (not sets or folder.name in sets):
            found += [(folder.name, config) for config in score.discover(folder)]
    return found


def _run(taskleak: Path, corpus: Path, config: score.LibraryConfig) -> list[str]:
    findings = score.run_taskleak(taskleak, corpus / config.folder, config.args)
    rows = {json.dumps({k: getattr(f, k) for k in FIELDS}, sort_keys=True)
            for f in findings if score._under(f.path, config.include)}
    return sorted(rows)


def snapshot(out: Path, corpus: Path, taskleak: Path, jobs: int, sets: list[str]) -> int:
    todo = _libraries(sets)

    def one(item: tuple[str, score.LibraryConfig]) -> None:
        labels_set, config = item
        target = out / labels_set / f"{config.name}.jsonl"
        target.parent.mkdir(parents=True, exist_ok=True)
        rows = _run(taskleak, corpus, config)
        target.write_text("".join(r + "\n" for r in rows), encoding="utf-8")

    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(one, todo))
    print(f"{len(todo)} libraries -> {out}")
    return 0


def compare(old: Path, new: Path) -> int:
    names = sorted({p.relative_to(old) for p in old.rglob("*.jsonl")}
                   | {p.relative_to(new) for p in new.rglob("*.jsonl")})
    moved = 0
    for name in names:
        before = _rows(old / name)
        after = _rows(new / name)
        gone, came = before - after, after - before
        if not gone and not came:
            continue
        print(f"== {name.with_suffix('')}")
        for row in sorted(gone | came, key=lambda r: (r[0], r[1], r in came)):
            print(f"  {'+' if row in came else '-'} {row[0]}:{row[1]} {row[3]} {row[2]}: {row[4]}")
        moved += len(gone) + len(came)
    print(f"{moved} rows differ")
    return 0


def _rows(file: Path) -> set[tuple[str, int, str, str, str]]:
    if not file.exists():
        return set()
    rows = (json.loads(line) for line in file.read_text(encoding="utf-8").splitlines() if line)
    return {(r["path"], r["line"], r["rule"], r["risk"], r["message"]) for r in rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    parser.add_argument("--corpus", type=Path,
                        default=Path(os.environ.get("TASKLEAK_CORPUS", "/work/corpus")))
    parser.add_argument("--taskleak", type=Path, default=Path(sys.executable).parent / "taskleak")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--set", action="append", default=[], metavar="NAME",
                        help="only this label folder (labels-dev3, ...); repeatable")
    options = parser.parse_args(argv)
    if options.compare:
        return compare(*options.compare)
    if options.out is None:
        parser.error("OUT or --compare OLD NEW")
    try:
        return snapshot(options.out, options.corpus, options.taskleak, options.jobs, options.set)
    except score.ScoreError as exc:
        print(f"snapshot.py: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
