"""bench/realworld/agreement.py: the agreement of two labellings, as counts, and the agreed rows."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import load_script

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "realworld" / "agreement.py"
agreement = load_script(SCRIPT, "realworld_agreement")


def _write(folder: Path, library: str, risks: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rows = [{"path": "a.py", "line": i + 1, "kind": "spawn", "code": "create_task(f())",
             "risk": risk, "why": "w"} for i, risk in enumerate(risks)]
    (folder / f"{library}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (folder / f"{library}.toml").write_text(f'folder = "{library}"\nargs = []\n')


def test_counts_agreement_and_writes_only_the_rows_graded_the_same(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    _write(first, "lib", ["high", "medium", "medium", "low", "low"])
    _write(second, "lib", ["high", "medium", "low", "low", "medium"])
    # a row the second labeller added is not one of the rows both graded
    (second / "extra-lib.jsonl").write_text(json.dumps(
        {"path": "b.py", "line": 1, "risk": "high"}) + "\n")
    lines = agreement.report(agreement.grades(first), agreement.grades(second))
    assert lines[0] == "rows: 5 and 5, 5 in both"
    assert lines[1] == "exact agreement: 3/5"
    assert lines[2] == "high/medium: first 3, second 3, both 2"
    assert lines[3] == "exact on the rows either grades high/medium: 2/4"
    assert lines[4] == "medium: first 2, second 2, both 1"
    assert "medium->low 1" in lines[5] and "low->medium 1" in lines[5]
    out = tmp_path / "agreed"
    assert agreement.write_agreed(first, agreement.grades(second), out) == 3
    kept = [json.loads(x)["line"] for x in (out / "lib.jsonl").read_text().splitlines()]
    assert kept == [1, 2, 4]
    assert (out / "lib.toml").read_text().startswith('folder = "lib"')
