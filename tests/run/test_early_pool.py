"""A cold run over a big tree starts its pool during discovery (`runner.POOL_BEFORE_FILES`):
only then, and with the same report as without it."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from helpers import check_paths

from taskleak.report.json import render_json
from taskleak.run import runner
from taskleak.run.runner import RunStats
from taskleak.run.workers import Analyzer
from taskleak.session import SessionError
from taskleak.settings import Settings

SPAWNS = textwrap.dedent("""
    import asyncio
    async def work(): ...
    def fire():
        asyncio.create_task(work())
""")


def _tree(root: Path, files: int) -> Path:
    for i in range(files):
        folder = root / "pkg" / f"sub{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"m{i}.py").write_text(SPAWNS if i % 2 else "x = 1\n", encoding="utf-8")
    return root / "pkg"


@pytest.fixture
def starts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many pools were started before there was work: one entry per early start."""
    started: list[int] = []
    original = Analyzer.start_now

    def spy(self: Analyzer) -> None:
        started.append(self.max_workers)
        original(self)

    monkeypatch.setattr(Analyzer, "start_now", spy)
    monkeypatch.setattr(runner, "POOL_BEFORE_FILES", 4)
    return started


def test_a_cold_big_run_starts_the_pool_during_discovery(starts: list[int], tmp_path: Path
                                                         ) -> None:
    tree = _tree(tmp_path, 8)
    stats = RunStats()
    early = check_paths([tree], Settings(), jobs=2, cache_dir=tmp_path / "cache", stats=stats)
    assert starts == [2] and stats.workers == 2
    here = check_paths([tree], Settings(), jobs=1, cache_dir=None)
    assert len(early.findings) == 4
    assert render_json(early) == render_json(here)


def test_a_warm_run_a_small_run_and_one_process_start_none(starts: list[int], tmp_path: Path
                                                           ) -> None:
    tree = _tree(tmp_path, 8)
    cache = tmp_path / "cache"
    check_paths([tree], Settings(), jobs=2, cache_dir=cache)
    assert starts == [2]
    warm = RunStats()
    check_paths([tree], Settings(), jobs=2, cache_dir=cache, stats=warm)  # a cache with entries
    assert starts == [2] and warm.workers == 0 and warm.analysed == 0
    small = _tree(tmp_path / "small", 3)  # fewer files than POOL_BEFORE_FILES
    check_paths([small], Settings(), jobs=2, cache_dir=None)
    check_paths([tree], Settings(), jobs=1, cache_dir=None)  # --jobs 1
    assert starts == [2]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo (a FIFO to refuse)")
def test_a_discovery_error_after_the_start_stops_the_pool(
        starts: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = _tree(tmp_path, 8)
    aborted: list[bool] = []
    original_abort = Analyzer.abort

    def abort(self: Analyzer) -> None:
        aborted.append(True)
        original_abort(self)

    monkeypatch.setattr(Analyzer, "abort", abort)
    fifo = tmp_path / "pipe"  # refused after the walk of `tree` started the pool
    os.mkfifo(fifo)
    with pytest.raises(SessionError, match="pipe"):
        check_paths([tree, fifo], Settings(), jobs=2, cache_dir=None)
    assert starts == [2] and aborted == [True]
