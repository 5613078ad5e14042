"""bench/message_length.py measures the first lines taskleak really prints: on the seeds' server,
the lines it rebuilds from JSON are those `check --output-format concise` prints for the high and
medium findings, and its figures are theirs."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import load_script

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "message_length.py"
VOICE = ROOT / "fixtures" / "voice_chat_server"
TASKLEAK = str(Path(sys.executable).parent / "taskleak")


length = load_script(SCRIPT, "message_length")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the seeds' server outside this repository: the bench checks `--isolated` (no
    configuration), and here that would make the whole repository its project."""
    copy = tmp_path_factory.mktemp("bench") / "voice_chat_server"
    shutil.copytree(VOICE, copy)
    return copy


@pytest.fixture(scope="module")
def rebuilt(server: Path) -> list[str]:
    """The bench's first lines of the seeds' server (one check)."""
    return list(length.headers(server, TASKLEAK))


def test_the_rebuilt_first_lines_are_the_printed_ones(rebuilt: list[str], server: Path) -> None:
    printed = subprocess.run([TASKLEAK, "check", "--output-format", "concise", "--no-cache",
                              "--isolated", "--fail-on", "none", "."], cwd=server,
                             capture_output=True, text=True, check=True).stdout.splitlines()
    findings = [line for line in printed if " high: " in line or " medium: " in line]
    assert sorted(rebuilt) == sorted(findings) and len(rebuilt) == 7


def test_the_figures_are_those_of_the_lines(rebuilt: list[str], capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(length, "headers", lambda library, taskleak: rebuilt)
    assert length.main([str(VOICE), "--taskleak", TASKLEAK, "--longest", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    lengths = [len(line) for line in rebuilt]
    assert out[0] == (f"7 high/medium first lines: median {statistics.median(lengths):g}, "
                      f"p90 {sorted(lengths)[6]}, max {max(lengths)} characters")  # rank 7 of 7
    assert out[1] == f"{max(lengths):4d}  " + max(rebuilt, key=len)


def test_the_nearest_rank_percentile() -> None:
    assert length.percentile([5, 1, 4, 2, 3], 0.9) == 5  # rank ceil(4.5) = 5
    assert length.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9
    assert length.percentile([7], 0.5) == 7
