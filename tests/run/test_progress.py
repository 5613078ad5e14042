"""The progress bar: on a terminal's stderr for the text report only, after a delay, then erased."""

from __future__ import annotations

import io
import threading
from pathlib import Path

from click.testing import CliRunner
from helpers import CASE_DIRS, FIXTURES, check_paths

from taskleak.cli import main
from taskleak.run.progress import NoProgress, ProgressBar, progress_for
from taskleak.settings import Settings

TREES = [FIXTURES, *CASE_DIRS]


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_only_a_terminal_and_the_text_format_get_a_bar() -> None:
    assert isinstance(progress_for("text", FakeTerminal()), ProgressBar)
    assert isinstance(progress_for("json", FakeTerminal()), NoProgress)
    assert isinstance(progress_for("sarif", FakeTerminal()), NoProgress)
    assert isinstance(progress_for("text", io.StringIO()), NoProgress)  # a pipe, a CI log


def test_a_slow_run_shows_the_bar_then_erases_it() -> None:
    terminal = FakeTerminal()
    bar = ProgressBar(terminal, delay=0.0)
    threads_before = threading.active_count()
    result = check_paths(TREES, Settings(), jobs=1, progress=bar, project_context=False)
    assert bar.shown
    assert threading.active_count() == threads_before  # refreshed by hand: no thread to fork
    assert bar.completed == bar.total == result.files_scanned
    out = terminal.getvalue()
    assert f"{bar.total}/{bar.total}" in out and "files" in out
    assert "\x1b[2K" in out  # transient: the last frame is cleared


def test_a_quick_run_never_shows_the_bar() -> None:
    terminal = FakeTerminal()
    bar = ProgressBar(terminal, delay=60.0)
    check_paths(TREES, Settings(), jobs=1, progress=bar, project_context=False)
    assert not bar.shown and terminal.getvalue() == ""


def test_the_json_report_stays_clean_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("import asyncio\nasync def f():\n    asyncio.create_task(f())\n",
                                   encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", str(tmp_path)])
    assert result.exit_code == 1 and result.stderr == ""
