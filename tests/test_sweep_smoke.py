"""The hostile-input sweep (`bench/sweep.py`) itself runs: a tiny sweep and the matrix's cheap
rows. Slow (about a minute): only with TASKLEAK_SLOW=1.

These assert that the instrument works (it runs, prints its summary, saves what it finds), not
that taskleak has no defects: issue 15 lists the ones it has today.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.environ.get("TASKLEAK_SLOW") != "1",
                                reason="slow: set TASKLEAK_SLOW=1 to run the sweep's smoke test")

SWEEP = Path(__file__).resolve().parent.parent / "bench" / "sweep.py"
ROWS = ("programs run", "crashes", "internal errors on valid code", "broken fixes",
        "non-idempotent fixes", "lost comments", "hangs", "noqa mismatches")


def _sweep(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SWEEP), *args], capture_output=True, text=True,
                          timeout=900, check=False)


def test_generated_programs(tmp_path: Path) -> None:
    run = _sweep("--count", "30", "--seed", "15", "--workers", "2", "--out", str(tmp_path))
    assert run.returncode in (0, 1), run.stderr  # 1: it found defects; 2 would be its own
    for row in ROWS:
        assert f"| {row} " in run.stdout, row
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert sum(summary["rows"]["programs generated"].values()) == 30
    assert (tmp_path / "summary.txt").read_text(encoding="utf-8").strip()
    index = (tmp_path / "failures.tsv").read_text(encoding="utf-8").splitlines()
    saved = [line.split("\t")[0] for line in index[1:]]
    assert all((tmp_path / name).is_file() for name in saved)
    assert (run.returncode == 1) == bool(summary["defects"])


def test_matrix_cheap_rows(tmp_path: Path) -> None:
    run = _sweep("--matrix", "--quick", "--timeout", "3", "--out", str(tmp_path))
    assert run.returncode in (0, 1), run.stderr
    verdicts = [line.split()[0] for line in run.stdout.splitlines()
                if line[:5].strip() in ("PASS", "FAIL", "SKIP", "ERROR")]
    assert len(verdicts) >= 20
    assert "ERROR" not in verdicts, run.stdout  # a row that broke is the sweep's own bug
    assert (tmp_path / "matrix.txt").is_file()
