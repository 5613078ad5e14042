"""The process pool: same report as one process, used only when worth it, survives a dead worker."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import CASE_DIRS, FIXTURES, check_paths, sample_files, spawners_of

from taskleak.analysis.facts.module import FileFacts
from taskleak.analysis.obligations import spawners as spawners_module
from taskleak.analysis.obligations.spawners import Spawner, SpawnerIndex
from taskleak.analysis.tree.through import Through
from taskleak.cli import main
from taskleak.report.json import render_json
from taskleak.run import workers as parallel
from taskleak.run.base_sources import BaseSource
from taskleak.run.runner import RunStats
from taskleak.run.workers import Analyzer, Job, analyze_jobs, default_jobs
from taskleak.settings import Settings

TREES = [FIXTURES, *CASE_DIRS]  # sample programs: most have findings


def _jobs(sizes: list[int]) -> list[Job]:
    return [Job(i, f"f{i}.py", b"x" * size) for i, size in enumerate(sizes)]


def _workers(sizes: list[int], max_workers: int) -> int:
    seen: list[int] = []
    used = analyze_jobs(_jobs(sizes), (), max_workers, lambda job, _: seen.append(job.index))
    assert sorted(seen) == list(range(len(sizes)))
    return used


def test_small_runs_stay_in_this_process() -> None:
    big = parallel.POOL_MIN_BYTES
    assert _workers([big], 8) == 0  # one file: nothing to share
    assert _workers([100, 100, 100], 8) == 0  # a pre-commit sized run
    assert _workers([big, big], 1) == 0  # --jobs 1
    assert _workers([big // 2, big // 2], 2) == 2
    assert _workers([big // 4] * 10, 3) == 3


def test_the_pool_starts_during_the_pass() -> None:
    """Jobs are held until there is enough work, then go to the pool as they come."""
    results: list[int] = []
    analyzer = Analyzer((), 2, lambda job, _: results.append(job.index))
    try:
        analyzer.add(Job(0, "a.py", b"x = 1\n"))
        assert analyzer.workers == 0
        analyzer.add(Job(1, "b.py", b"x" * parallel.POOL_MIN_BYTES))
        assert analyzer.workers == 2  # started: the next job goes straight to a worker
        analyzer.add(Job(2, "c.py", b"y = 2\n"))
        assert analyzer.finish() == 2
    finally:
        analyzer.close()
    assert sorted(results) == [0, 1, 2]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_a_job_added_after_a_worker_died_is_analysed_here() -> None:
    """A worker that dies while the pass still adds files breaks the pool before the next
    submit: that job (refused by the pool) is analysed in this process at `finish`, not lost
    with an error (the race the slow `test_a_dead_worker_does_not_lose_files` can hit)."""
    results: list[int] = []
    analyzer = Analyzer((), 2, lambda job, _: results.append(job.index))
    try:
        analyzer.start_now()
        pool = analyzer._pool
        assert pool is not None
        with pytest.raises(Exception):  # noqa: B017 (BrokenProcessPool: the worker exits)
            pool.submit(os._exit, 1).result()
        analyzer.add(Job(0, "a.py", b"x = 1\n"))
        analyzer.add(Job(1, "b.py", b"y = 2\n"))
        analyzer.finish()
    finally:
        analyzer.close()
    assert sorted(results) == [0, 1]


def test_default_jobs_is_the_usable_cores() -> None:
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    assert default_jobs() >= 1
    if expected is not None and not hasattr(os, "process_cpu_count"):
        assert default_jobs() == expected


@pytest.fixture()
def always_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "POOL_MIN_BYTES", 0)


@pytest.mark.usefixtures("always_pool")
def test_the_pool_reports_exactly_what_one_process_does() -> None:
    serial_stats, pool_stats = RunStats(), RunStats()
    serial = check_paths(TREES, Settings(), jobs=1, stats=serial_stats)
    pooled = check_paths(TREES, Settings(), jobs=2, stats=pool_stats)
    assert serial.findings, "the fixtures must have findings for this to mean much"
    assert serial_stats.workers == 0 and pool_stats.workers == 2
    assert render_json(pooled) == render_json(serial)


@pytest.mark.usefixtures("always_pool")
def test_results_go_back_in_place_whatever_order_they_finish_in() -> None:
    files = sample_files()
    jobs = [Job(i, str(p), p.read_bytes()) for i, p in enumerate(files)]
    random.Random(7).shuffle(jobs)  # submission order must not matter either
    got: dict[int, FileFacts] = {}
    finished: list[int] = []

    def on_result(job: Job, result: FileFacts) -> None:
        got[job.index] = result
        finished.append(job.index)

    assert analyze_jobs(jobs, (), 2, on_result) == 2
    assert sorted(finished) == list(range(len(files)))  # each exactly once
    for i, path in enumerate(files):
        assert got[i].path == str(path)
        assert got[i].parsed and got[i].module is not None


_PARENT = os.getpid()
_REAL_ANALYZE_JOB = parallel.analyze_job
_VICTIM = "voice_chat_server/ai_chat/websocket_handler.py"
_CRASH_MARKER: list[Path] = []  # set by the test; inherited by the forked workers


def _dies_in_a_worker(data: bytes, display: str, spawners: tuple[Spawner, ...],
                      answers_only: bool = False, extra: tuple[Spawner, ...] = (),
                      bases: tuple[BaseSource, ...] = (), blocks: bool = False,
                      through: Through = ()) -> FileFacts:
    """Module level, so the pool can pickle it; kills the worker that gets this file."""
    if os.getpid() != _PARENT and display.endswith(_VICTIM):
        _CRASH_MARKER[0].write_text("died", encoding="utf-8")
        os._exit(3)  # like the OOM killer
    return _REAL_ANALYZE_JOB(data, display, spawners, answers_only, extra, bases, blocks,
                             through)


@pytest.mark.slow
@pytest.mark.usefixtures("always_pool")
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_a_dead_worker_does_not_lose_files(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    assert (FIXTURES / _VICTIM).is_file()
    expected = render_json(check_paths(TREES, Settings(), jobs=1))
    monkeypatch.setattr(parallel, "analyze_job", _dies_in_a_worker)
    monkeypatch.setattr(sys.modules[__name__], "_CRASH_MARKER", [tmp_path / "marker"])
    stats = RunStats()
    assert render_json(check_paths(TREES, Settings(), jobs=2, stats=stats)) == expected
    assert stats.workers == 2
    assert (tmp_path / "marker").read_text(encoding="utf-8") == "died"


def test_jobs_option(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text("import asyncio\nasync def f():\n    asyncio.create_task(f())\n",
                                   encoding="utf-8")
    ok = CliRunner().invoke(main, ["check", "--format", "json", "--no-cache", "-j", "2",
                                   str(tmp_path)])
    assert ok.exit_code == 1 and '"high": 1' in ok.stdout
    bad = CliRunner().invoke(main, ["check", "--jobs", "0", str(tmp_path)])
    assert bad.exit_code == 2 and "--jobs" in bad.output


_INDEX_LOG: list[Path] = []  # set by the test; inherited by the forked workers


class _LoggedIndex(SpawnerIndex):
    """A spawner index that writes down the process that built it."""

    def __init__(self, spawners: tuple[Spawner, ...]) -> None:
        with _INDEX_LOG[0].open("a", encoding="utf-8") as log:
            log.write(f"{os.getpid()}\n")
        super().__init__(spawners)


@pytest.mark.usefixtures("always_pool")
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_each_worker_builds_the_spawner_index_once(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    """The spawners go to each worker once, as it starts, not with each job: a tuple pickled
    per job would arrive new each time and the index (10,000 spawners: a while) be built per
    file."""
    configured = spawners_of(*(f"svc{i}.spawn_thing_{i}" for i in range(1000)),
                             "hass.async_create_task:returns")
    code = b"async def f(hass):\n    hass.async_create_task(work())\n"
    jobs = [Job(i, f"m{i}.py", code) for i in range(40)]
    monkeypatch.setattr(spawners_module, "SpawnerIndex", _LoggedIndex)
    monkeypatch.setattr(sys.modules[__name__], "_INDEX_LOG", [tmp_path / "log"])
    got: dict[int, FileFacts] = {}
    assert analyze_jobs(jobs, configured, 2, lambda job, facts: got.__setitem__(job.index,
                                                                              facts)) == 2
    builders = (tmp_path / "log").read_text(encoding="utf-8").split()
    assert builders and len(builders) == len(set(builders)) <= 2  # once per worker
    assert str(os.getpid()) not in builders  # all the work was the workers'
    for facts in got.values():  # and they had the spawners: the configured helper was found
        assert facts.module is not None
        assert [s.spawner for s in facts.module.spawns] == ["hass.async_create_task"]
