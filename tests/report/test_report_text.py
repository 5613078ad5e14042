"""The `table` report (`--output-format table`) in a terminal of 80, 120 and 200 columns (rich
honours COLUMNS): every column keeps readable content, and the green rows never drown the ones
that need attention."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from findings_factory import make_finding
from helpers import FIXTURES

from taskleak.cli import main
from taskleak.model import Risk, RunResult
from taskleak.report.text import LOW_ROWS_LISTED

VOICE = FIXTURES / "voice_chat_server"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
BOX = "│"


def terminal(*args: str, columns: int, cwd: Path) -> list[str]:
    """What `taskleak check` shows in a terminal `columns` wide (colours stripped)."""
    env = {"COLUMNS": str(columns), "TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "0",
           "FORCE_COLOR": None, "NO_COLOR": None}
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        result = CliRunner().invoke(main, ["check", "--no-cache", "-j", "1", "--output-format",
                                             "table", *args], env=env)
    assert result.exit_code in (0, 1), result.output
    return ANSI.sub("", result.stdout).splitlines()


@functools.cache
def voice_findings() -> list[dict[str, object]]:
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(VOICE)
        out = CliRunner().invoke(main, ["check", "--no-cache", "--output-format", "json"])
    findings: list[dict[str, object]] = json.loads(out.stdout)["findings"]
    return findings


@pytest.mark.parametrize("columns", [80, 120, 200])
@pytest.mark.parametrize("where", ["inside", "repo"])
def test_every_column_stays_readable(columns: int, where: str) -> None:
    cwd = VOICE if where == "inside" else FIXTURES.parent
    lines = terminal("fixtures/voice_chat_server" if where == "repo" else ".",
                     columns=columns, cwd=cwd)
    text = "\n".join(lines)
    assert max(len(line) for line in lines) <= columns
    assert "…" not in text  # nothing cut short
    assert BOX * 2 not in text  # no column squeezed to nothing
    for f in voice_findings():
        # the task, the risk and the rule of every row are there whole
        assert str(f["coroutine"]) in text, f["coroutine"]
        assert f"{f['line']}" in text
    counts = {r: text.count(f"● {r.value}") for r in Risk}
    assert counts == {Risk.HIGH: 4, Risk.MEDIUM: 3, Risk.LOW: 5}
    table = any(line.startswith(BOX) for line in lines)
    # four rows, then four reasons (a table), or four blocks that hold their reasons
    assert text.count("TL101 [*]") == (8 if table else 4)
    assert table == (columns == 200)
    assert "12 task spawns in 7 files: 4 high, 3 medium, 5 low." in " ".join(text.split())


def test_the_layout_follows_the_width() -> None:
    wide = terminal(".", columns=200, cwd=VOICE)
    narrow = terminal(".", columns=80, cwd=VOICE)
    assert wide[1].startswith(f"{BOX} file:line ")  # the table's header
    assert not any(BOX in line for line in narrow)  # blocks: a heading per file
    assert narrow[0] == "ai_chat/agent/basic_memory_agent.py"
    assert narrow[1].split() == ["77:21", "●", "high", "TL101", "[*]",
                                 "self._websocket_send_func()"]
    assert narrow[2].strip() == "tracked: discarded · cleaned: none"
    assert "tracked spawns (low): nothing to do" in narrow


def test_rows_that_need_attention_come_first() -> None:
    for columns in (80, 200):
        text = "\n".join(terminal(".", columns=columns, cwd=VOICE))
        last_actionable = max(text.index("● high"), text.rindex("● medium"))
        assert last_actionable < text.index("● low")


def _many_low(n: int) -> RunResult:
    low = [make_finding(path=f"pkg/m{i:02}.py", rule="TL001", risk=Risk.LOW, tracked="kept",
                        cleaned="cancelled in close()") for i in range(n)]
    return RunResult([make_finding(path="pkg/z.py"), *low], [], n + 1, n + 1)


@pytest.mark.parametrize("columns", [80, 200])
def test_many_green_rows_are_counted_not_listed(columns: int) -> None:
    from io import StringIO

    from rich.console import Console

    from taskleak.report.text import TextOptions, render_text

    def show(show_low: bool | None, n: int) -> str:
        out = StringIO()
        console = Console(file=out, width=columns, force_terminal=True, color_system=None)
        render_text(_many_low(n), console, None, TextOptions(show_low=show_low))
        return out.getvalue()

    few = show(None, LOW_ROWS_LISTED)
    assert few.count("● low") == LOW_ROWS_LISTED
    many = show(None, LOW_ROWS_LISTED + 1)
    assert many.count("● low") == 0 and many.count("● high") == 1
    assert f"{LOW_ROWS_LISTED + 1} low rows not listed (tracked spawns): --show-low" in many
    assert show(True, LOW_ROWS_LISTED + 1).count("● low") == LOW_ROWS_LISTED + 1
    assert show(False, 1).count("● low") == 0


def test_a_pipe_gets_one_plain_line_per_row() -> None:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--output-format", "table",
                                       str(VOICE)], env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    rows = [line for line in lines if line.startswith("| ") and ".py:" in line]
    assert len(rows) == 12 and "\x1b[" not in result.stdout
    assert max(len(line) for line in lines) > 80  # never wrapped for a log or grep
    # no `path:line:col: RULE` line after the table repeats a row
    assert not [line for line in lines if re.match(r"\S+\.py:\d+:\d+: TL\d+", line)]
    assert "12 task spawns in 7 files" in result.stdout
