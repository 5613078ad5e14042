"""The default `full` report, as ruff's: every finding's first line is
`path:line:col: CODE [*] message` at any width, in a terminal, a pipe or a file; a library whose
spawns are all tracked prints no finding in any linter format and exits 0."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import FIXTURES

from taskleak.cli import main

VOICE = FIXTURES / "voice_chat_server"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
FIRST = re.compile(r"^ai_chat/[\w/]+\.py:\d+:\d+: TL\d{3}( \[\*\])? \S")
TRACKED = """\
import asyncio

TASKS: set[asyncio.Task[None]] = set()


async def work() -> None: ...


async def main() -> None:
    task = asyncio.create_task(work())
    TASKS.add(task)
    task.add_done_callback(TASKS.discard)
    await asyncio.create_task(work())
"""


def _finding_lines(stdout: str) -> list[str]:
    """The lines that are not context (indented), a reason said once per run (`TL101: ...`),
    nor the closing summary."""
    lines = ANSI.sub("", stdout).splitlines()
    return [line for line in lines if line and not line.startswith("  ")
            and not re.match(r"^(\d+ task spawns|\[\*\]|[A-Z]+\d+: )", line)]


@pytest.mark.parametrize("columns", [80, 120, 200])
@pytest.mark.parametrize("tty", [True, False])
def test_every_finding_starts_with_path_line_col(columns: int, tty: bool) -> None:
    env = {"COLUMNS": str(columns), "TTY_COMPATIBLE": "1" if tty else "0",
           "TTY_INTERACTIVE": "0", "FORCE_COLOR": None, "NO_COLOR": None}
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(VOICE)
        result = CliRunner().invoke(main, ["check", "--no-cache", "-j", "1"], env=env)
    lines = _finding_lines(result.stdout)
    assert len(lines) == 7 and all(FIRST.match(line) for line in lines), lines
    assert ANSI.sub("", result.stdout).count("can vanish mid-run") == 1  # 3 TL101s, one reason
    assert lines[0] == ("ai_chat/agent/basic_memory_agent.py:77:21: TL101 [*] high: task "
                        "self._websocket_send_func() is discarded")


@pytest.mark.parametrize("force_color", [None, "1"])
def test_through_a_pipe_too(force_color: str | None) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    if force_color:
        env["FORCE_COLOR"] = force_color
    proc = subprocess.run([sys.executable, "-m", "taskleak", "check", "--no-cache", "."],
                          cwd=VOICE, capture_output=True, text=True, env=env, check=False)
    lines = _finding_lines(proc.stdout)
    assert len(lines) == 7 and all(FIRST.match(line) for line in lines), proc.stdout
    context = [line for line in ANSI.sub("", proc.stdout).splitlines() if line.startswith("  ")]
    assert context[0] == ("  task self._websocket_send_func() · tracked: discarded · "
                          "cleaned: none · risk: high")
    assert context[1] == ("  - spawned on every call of _handle_tool_result(), called by "
                          "_run_tool_call(), called in a loop in chat() with each `event` it "
                          "waits for")  # its evidence
    assert ("\x1b[" in proc.stdout) is bool(force_color)
    assert "●" not in proc.stdout


@pytest.fixture
def clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "lib.py").write_text(TRACKED)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_good_code_says_so_in_one_line(clean: Path, fmt: str) -> None:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--output-format", fmt])
    assert result.exit_code == 0
    assert result.stdout == ("All checks passed! (2 task spawns, all tracked: "
                             "`--output-format table` lists them)\n")


def test_good_code_has_no_finding_in_any_linter_format(clean: Path) -> None:
    def run(*args: str) -> str:
        result = CliRunner().invoke(main, ["check", "--no-cache", *args])
        assert result.exit_code == 0, args
        return result.stdout

    assert run("--output-format", "github") == ""
    assert json.loads(run("--output-format", "gitlab")) == []
    assert json.loads(run("--output-format", "sarif"))["runs"][0]["results"] == []
    assert 'failures="0"' in run("--output-format", "junit")
    assert run("--statistics") == ""
    assert run("-q") == ""
    # the inventory is one flag away, and the data formats keep every spawn with its risk
    assert "lib.py:10" in run("--output-format", "table")
    assert "lib.py:10" in run("--output-format", "markdown")
    rows = json.loads(run("--output-format", "json"))["findings"]
    assert {(r["rule"], r["risk"]) for r in rows} == {("TL001", "low")}
