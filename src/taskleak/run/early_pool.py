"""The process pool a cold run over a big tree starts during discovery (`runner.collect`'s
POOL_BEFORE_FILES): its workers import libcst on the core discovery leaves idle. The pool's
module is imported only when it starts, so a warm run never loads it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from taskleak.analysis.facts.module import FileFacts
from taskleak.settings import Settings

if TYPE_CHECKING:
    from taskleak.run.workers import Analyzer, Job


class EarlyPool:
    """The pool `collect` may start during discovery (see POOL_BEFORE_FILES)."""

    def __init__(self, settings: Settings, jobs: int | None) -> None:
        self.spawners = settings.spawners
        self.jobs = jobs
        self.analyzer: Analyzer | None = None

    def start(self) -> None:
        from taskleak.run.workers import Analyzer, default_jobs

        workers = self.jobs or default_jobs()
        if workers > 1:
            self.analyzer = Analyzer(self.spawners, workers, _unset_on_result)
            self.analyzer.start_now()

    def abort(self) -> None:
        if self.analyzer is not None:
            self.analyzer.abort()


def _unset_on_result(job: Job, result: FileFacts) -> None:  # replaced by the collector's
    raise AssertionError("a job finished before the run was ready for it")
