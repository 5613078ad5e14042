"""Issue 56, point 3: a finding's first line is its claim and its risk, short; what shows the
claim (the evidence) is below it in `full`, under `--show-fixes` in `concise`, a list in JSON,
and never on the first line. On the seeds' server, whose longest first line ran to about 380
characters before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from taskleak.cli import main

VOICE = Path(__file__).resolve().parents[2] / "fixtures" / "voice_chat_server"
RECEIVER = "ai_chat/proxy_handler.py:39:31: "


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the module: the first check analyses, the others replay its result."""
    return tmp_path_factory.mktemp("cache")


def _check(cache: Path, *args: str) -> str:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(VOICE)
        return CliRunner().invoke(main, ["check", "--cache-dir", str(cache), *args]).stdout


def test_concise_is_the_claim_and_the_risk(cache: Path) -> None:
    lines = _check(cache, "--output-format", "concise").splitlines()[:7]
    assert lines[1] == (f"{RECEIVER}TL103 medium: self._receiver_task is re-spawned without "
                        "cancelling the task it held")
    assert all(" high: " in line or " medium: " in line for line in lines)
    assert max(len(line) for line in lines) <= 120
    assert not any("spawned on every call" in line for line in lines)  # evidence stays below


def test_the_evidence_is_below_the_claim_in_full_and_with_show_fixes(cache: Path) -> None:
    evidence = ["  - spawned on every call of connect(), called in a loop in "
                "_maintain_connection()",
                "  - if it is still running, it is left behind unreferenced: the cleanup, "
                "cancelled in disconnect(), reaches only the latest"]
    full = _check(cache).splitlines()
    at = full.index(f"{RECEIVER}TL103 medium: self._receiver_task is re-spawned without "
                    "cancelling the task it held")
    assert full[at + 1].startswith("  task self._receive_loop() · tracked: self._receiver_task")
    assert full[at + 2:at + 4] == evidence
    shown = _check(cache, "--output-format", "concise", "--show-fixes").splitlines()
    at = next(i for i, line in enumerate(shown) if line.startswith(RECEIVER))
    assert shown[at + 1:at + 3] == evidence


def test_json_keeps_the_claim_and_its_evidence_apart(cache: Path) -> None:
    rows = {(r["path"], r["line"]): r for r in json.loads(_check(cache, "--output-format", "json"))
            ["findings"]}
    receiver = rows[("ai_chat/proxy_handler.py", 39)]
    assert receiver["message"] == ("self._receiver_task is re-spawned without cancelling the "
                                   "task it held")
    assert receiver["evidence"] == [
        "spawned on every call of connect(), called in a loop in _maintain_connection()",
        "if it is still running, it is left behind unreferenced: the cleanup, cancelled in "
        "disconnect(), reaches only the latest"]
    assert all(isinstance(r["evidence"], list) for r in rows.values())
