"""`taskleak check --watch`, for real: a process watching a folder with watchfiles re-checks
when a file changes. Every wait is bounded by a timeout (a failure, never a timing claim)."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("watchfiles", reason="--watch needs watchfiles (the `watch` extra)")

WAIT = 60.0  # seconds at most for each expected line (a run takes well under one)
LEAKY = "import asyncio\n\n\nasync def handler(msg):\n    asyncio.create_task(send(msg))\n"
WATCHING = "taskleak: watching for file changes"


class Watcher:
    """The watching process, its merged output read line by line on a thread."""

    def __init__(self, folder: Path, target: str = ".") -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "taskleak", "check", "--watch", "--no-cache",
             "--output-format", "concise", target],
            cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str) -> str:
        """The first line from now on that contains `text`; fails after WAIT seconds."""
        while True:
            try:
                line = self.lines.get(timeout=WAIT)
            except queue.Empty:
                pytest.fail(f"no line with {text!r} within {WAIT} s; saw: {self.seen}")
            self.seen.append(line)
            if text in line:
                return line

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)  # Ctrl-C
        try:
            return self.proc.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise


@pytest.fixture
def watcher(tmp_path: Path) -> Iterator[Watcher]:
    (tmp_path / "app.py").write_text("x = 1\n")
    w = Watcher(tmp_path)
    try:
        yield w
    finally:
        if w.proc.poll() is None:
            w.proc.kill()
            w.proc.wait(timeout=WAIT)


def test_a_change_is_checked_again(watcher: Watcher, tmp_path: Path) -> None:
    assert watcher.wait_for("All checks passed!") == "All checks passed!"  # no spawn left
    watcher.wait_for(WATCHING)  # the first run is done; now a change
    (tmp_path / "app.py").write_text(LEAKY)
    finding = watcher.wait_for("app.py:5:5")
    assert finding.startswith("app.py:5:5: TL101 [*] high: task send() is discarded")
    assert watcher.wait_for("task spawn").startswith("1 task spawn in 1 file: 1 high")
    watcher.wait_for(WATCHING)
    # a new file, then a configuration that ignores the rule: each is a re-check
    (tmp_path / "more.py").write_text(LEAKY)
    assert watcher.wait_for("task spawn").startswith("2 task spawns in 2 files")
    watcher.wait_for(WATCHING)
    (tmp_path / "pyproject.toml").write_text('[tool.taskleak]\nignore = ["TL101"]\n')
    assert watcher.wait_for("All checks passed!") == "All checks passed!"  # no spawn left
    assert watcher.stop() == 0  # Ctrl-C ends the watch quietly


def test_a_change_elsewhere_in_the_project_checks_the_named_file_again(tmp_path: Path
                                                                    ) -> None:
    """The named file's rows depend on its project (issue 56): the project is watched too."""
    (tmp_path / "pyproject.toml").write_text("[tool.taskleak]\n")
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "worker.py").write_text(
        "import asyncio\n\n\nclass Worker:\n    def start(self):\n"
        "        self.task = asyncio.create_task(asyncio.sleep(60))\n")
    watcher = Watcher(tmp_path, "app/worker.py")
    try:
        assert watcher.wait_for("app/worker.py:6").startswith("app/worker.py:6:21: TL201")
        watcher.wait_for(WATCHING)
        (tmp_path / "stop.py").write_text(  # another file ends the task now
            "from app.worker import Worker\n\n\ndef stop(worker: Worker):\n"
            "    worker.task.cancel()\n")
        assert watcher.wait_for("All checks passed!").startswith("All checks passed!")
        assert watcher.stop() == 0
    finally:
        if watcher.proc.poll() is None:
            watcher.proc.kill()
            watcher.proc.wait(timeout=WAIT)


def test_a_bad_configuration_is_reported_and_the_watch_goes_on(watcher: Watcher,
                                                               tmp_path: Path) -> None:
    watcher.wait_for(WATCHING)
    (tmp_path / "pyproject.toml").write_text('[tool.taskleak]\nfail-on = "sometimes"\n')
    # the watcher may read the file half-written first (another error): wait for this one
    assert "taskleak: error:" in watcher.wait_for("'fail-on' must be one of")
    watcher.wait_for(WATCHING)
    (tmp_path / "pyproject.toml").write_text('[tool.taskleak]\nfail-on = "high"\n')
    assert watcher.wait_for("All checks passed!") == "All checks passed!"
    assert watcher.stop() == 0


# ruff's watch mode clears the screen and the scrollback before each report (its clearscreen
# crate's default, xterm's sequences): scrolling up shows no earlier run
CLEAR = b"\x1b[H\x1b[2J\x1b[3J"


def test_in_a_terminal_each_report_starts_on_a_cleared_screen(tmp_path: Path) -> None:
    """A real pseudo-terminal as stdout (stderr stays a pipe: the watch's own lines)."""
    pty = pytest.importorskip("pty", reason="needs a pseudo-terminal (a POSIX system)")
    (tmp_path / "app.py").write_text("x = 1\n")
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "taskleak", "check", "--watch", "--no-cache", "--output-format",
         "concise", "."], cwd=tmp_path, stdout=child, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    os.close(child)
    shown = bytearray()

    def screen_until(text: bytes) -> bytes:
        """What the terminal got, read until `text` arrives (or the process ends)."""
        while text not in shown:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # EIO: the process closed the terminal
                break
            if not chunk:
                break
            shown.extend(chunk)
        return bytes(shown)

    def stop_later() -> None:  # a bound on the whole test: a hung watch is a failure
        if proc.poll() is None:
            proc.kill()

    timer = threading.Timer(4 * WAIT, stop_later)
    timer.start()
    try:
        first = screen_until(b"All checks passed!")
        (tmp_path / "app.py").write_text(LEAKY)
        second = screen_until(b"task spawn in 1 file")
    finally:
        timer.cancel()
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:  # a failure, but leave no watch running behind it
            proc.kill()
            proc.wait(timeout=WAIT)
            raise
        finally:
            os.close(main)
    assert first.startswith(CLEAR)  # before the first report too
    report = second[len(first):]
    assert CLEAR in report and b"app.py:5:5: TL101" in report.split(CLEAR, 1)[1]
