"""bench/realworld/moves.py: what a change moved, counted against the labels; never-read rows
counted and never listed."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import load_script

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "realworld" / "moves.py"
moves = load_script(SCRIPT, "realworld_moves")


def _labels(root: Path, folder: str, risks: dict[int, str]) -> None:
    (root / folder).mkdir(parents=True)
    rows = [{"path": "a.py", "line": line, "kind": "spawn", "code": "create_task(f())",
             "risk": risk, "why": "w"} for line, risk in sorted(risks.items())]
    (root / folder / "lib.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (root / folder / "lib.toml").write_text('folder = "lib"\nargs = []\n')


def _snapshot(snap: Path, folder: str, found: dict[int, tuple[str, str]]) -> None:
    (snap / folder).mkdir(parents=True, exist_ok=True)
    rows = [{"path": "a.py", "line": line, "rule": "TL001", "risk": risk, "message": words,
             "spawner": "asyncio.create_task"} for line, (risk, words) in sorted(found.items())]
    (snap / folder / "lib.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_counts_each_kind_of_move_and_lists_only_the_read_sets(tmp_path: Path) -> None:
    root, old, new = tmp_path / "labels", tmp_path / "old", tmp_path / "new"
    # line 1 moves to its label, 2 against it, 3 to neither, 4 in words only, 5 not at all;
    # line 6 is reported with no label: every spawn site has a row, so a new report there
    # moves against the labels
    labels = {1: "medium", 2: "low", 3: "high", 4: "low", 5: "high"}
    before = {1: ("low", "w"), 2: ("low", "w"), 3: ("low", "w"), 4: ("low", "w"),
              5: ("high", "w")}
    after = {1: ("medium", "w"), 2: ("medium", "w"), 3: ("medium", "w"),
             4: ("low", "other words"), 5: ("high", "w"), 6: ("low", "w")}
    for folder in ("labels-read", "labels-unread"):
        _labels(root, folder, labels)
        _snapshot(old, folder, before)
        _snapshot(new, folder, after)
    counts, lines = moves.moves(old, new, frozenset({"labels-unread"}), listing=True,
                                root=root)
    for side in ("read", "never read"):
        assert dict(counts[side]) == {"to": 1, "against": 2, "other": 1, "words": 1}
    listed = [line for line in lines if not line.startswith("    ")]
    assert len(listed) == 5 and all(line.startswith("labels-read ") for line in listed)
    assert "labels-read lib a.py:2 label=low low -> medium against" in listed


def test_the_never_read_list_names_label_folders_that_exist() -> None:
    here = SCRIPT.parent
    hidden = moves.never_read()
    assert "labels-dev90" in hidden
    assert all((here / name).is_dir() for name in hidden)
