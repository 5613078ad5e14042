"""bench/realworld/families.py: a rule family's high/medium findings against the labels."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import load_script

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "realworld" / "families.py"
families = load_script(SCRIPT, "realworld_families")


def test_a_family_is_a_rule_and_its_words_without_names() -> None:
    assert families.family("TL201", "pump() is left running after the wait") == \
        families.family("TL201", "self._beat() is left running after the wait") == \
        "TL201 f() is left running after the wait"
    assert families.family("TL201", "`t` is never awaited or cancelled in worker.py") == \
        "TL201 X is never awaited or cancelled in M"


def test_counts_each_family_by_verdict_over_sets(tmp_path: Path, monkeypatch) -> None:
    labels = tmp_path / "labels-x"
    labels.mkdir()
    rows = [{"path": "a.py", "line": n, "kind": "spawn", "code": "c", "risk": r, "why": "w"}
            for n, r in ((1, "medium"), (2, "low"), (3, "high"), (4, "low"))]
    (labels / "lib.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (labels / "lib.toml").write_text('folder = "x/lib"\nargs = []\n')
    snap = tmp_path / "snap" / "labels-x"
    snap.mkdir(parents=True)
    found = [(1, "medium", "a() is left running after the wait"),
             (2, "medium", "b() is left running after the wait"),
             (3, "medium", "c() is left running after the wait"),
             (4, "low", "kept"),  # a low finding is no family's
             (5, "medium", "d() is left running after the wait")]  # no labelled row
    (snap / "lib.jsonl").write_text("".join(json.dumps(
        {"path": "a.py", "line": n, "risk": r, "rule": "TL201", "spawner": "create_task",
         "message": m}) + "\n" for n, r, m in found))
    monkeypatch.setattr(families, "HERE", tmp_path)
    counts = families.families(tmp_path / "snap", ["labels-x"])
    assert list(counts) == ["TL201 f() is left running after the wait"]
    got = counts["TL201 f() is left running after the wait"]
    assert [got[v] for v in families.VERDICTS] == [1, 1, 1, 1]
    lines = families.table(counts, examples=True)
    assert lines[1].split(" | ")[:4] == ["          1", "        1", "           1", "     1"]
    assert any(line.endswith("a.py:2 labelled low") for line in lines)
    assert not any(line.endswith("a.py:1 as labelled") for line in lines)
