"""The run's rounds after the pass over every file (a mixin of the runner's collector: one job,
apart from reading and caching files): the helper round (helper_callers.py), the inheritance
round (inherited.py), the answer round and the chain round (complete.py, class_chains.py).
Each hands the files it needs to the collector's analyzer and waits for them."""

from __future__ import annotations

from collections.abc import Sequence

from taskleak.analysis.facts.module import FileFacts
from taskleak.analysis.obligations.spawners import Spawner, unpromised_helpers
from taskleak.analysis.tree.through import Through
from taskleak.files.paths import relative_path
from taskleak.run.base_sources import BaseSource
from taskleak.run.cache import Cache
from taskleak.run.caller_chains import caller_jobs
from taskleak.run.class_chains import MAX_ROUNDS as CHAIN_ROUNDS
from taskleak.run.class_chains import chain_jobs
from taskleak.run.complete import Folders, answer_jobs, receiver_jobs
from taskleak.run.getter_callers import getter_caller_jobs
from taskleak.run.handed_collections import handed_collection_jobs
from taskleak.run.held_attributes import held_attribute_jobs
from taskleak.run.helper_callers import MAX_ROUNDS as HELPER_ROUNDS
from taskleak.run.helper_callers import helper_jobs, project_helpers
from taskleak.run.inherited import inherited_jobs
from taskleak.run.stdlib_through import LINKS as THROUGH_LINKS
from taskleak.run.stdlib_through import through_jobs, through_round


class Rounds:
    """The rounds, over what the collector holds."""

    paths: Sequence[str]
    results: list[FileFacts]
    cache: Cache | None
    helped_keys: dict[int, tuple[str, str, str]]
    answer_digests: dict[int, tuple[str, str]]
    extras: dict[int, tuple[Spawner, ...]]
    throughs: dict[int, Through]
    _folders: Folders | None

    def _analyse(self, i: int, display: str, data: bytes, answers_only: bool = False,
                 extra: tuple[Spawner, ...] = (), bases: tuple[BaseSource, ...] = ()) -> None:
        raise NotImplementedError

    def finish(self) -> None:
        raise NotImplementedError

    def read_through(self) -> None:
        """The through round (stdlib_through.py): the modules the analysed files import a
        standard-library name through, read for their imports (a link at a time); then each
        importing file analysed again with what its imports bind, as every later round
        analyses it (`throughs`)."""
        maps: dict[int, Through] = {}
        for _ in range(THROUGH_LINKS + 1):
            reads, unread, maps = through_round(self.paths, self.results, self.cache)
            if not unread:
                break
            self._read(reads)
        self.throughs = maps
        jobs = through_jobs(self.paths, self.results, self.cache, maps)
        for job in jobs:
            self.helped_keys[job.index] = (self.paths[job.index], job.digest, job.key)
            self._analyse(job.index, relative_path(self.paths[job.index]), job.data)
        if jobs:
            self.finish()

    def judge_helper_callers(self) -> None:
        """The helper round: analyse again the files that may call the project's spawn
        helpers, with those helpers (helper_callers.py). Again while that changes which
        functions are helpers: a module analysed with a forecast helper that is none (it names
        a spawn and returns no task) took its own callers of it for helpers, until analysed
        again without it; their callers must then be judged without them too."""
        paths = self.paths
        self._read(receiver_jobs(paths, self.results, self.cache))
        judged: list[tuple[str, str]] | None = None
        for _ in range(HELPER_ROUNDS):
            helpers = project_helpers(paths, self.results, self.folders(paths))
            if [(h.spec, h.note) for _, h in helpers] == judged:
                return
            judged = [(h.spec, h.note) for _, h in helpers]
            jobs = helper_jobs(paths, self.results, self.cache, helpers, self.throughs)
            for job in jobs:
                self.helped_keys[job.index] = (paths[job.index], job.digest, job.key)
                self._analyse(job.index, relative_path(paths[job.index]), job.data,
                              extra=job.helpers)
            if not jobs:
                return
            self.finish()

    def folders(self, paths: Sequence[str]) -> Folders:
        """The run's files by folder, made once for the helper and answer rounds (sorting
        homeassistant's 10,916 paths took 2-6 ms of a warm run each time)."""
        if self._folders is None:
            self._folders = Folders(paths)
        return self._folders

    def read_inherited(self) -> None:
        """The inheritance round (inherited.py), with the helpers each was analysed with."""
        jobs = inherited_jobs(self.paths, self.results, self.cache)
        for i, data, bases in ((j.index, j.data, j.bases) for j in jobs):
            extra = self.extras.get(i) or unpromised_helpers(self.results[i].helpers)
            self._analyse(i, relative_path(self.paths[i]), data, extra=extra, bases=bases)
        if jobs:
            self.finish()

    def read_class_chains(self) -> None:
        """The chain round: parse the unread modules that type the calls through attributes
        (class_chains.py), as many rounds as each one read names the next."""
        paths = self.paths
        for _ in range(CHAIN_ROUNDS):
            jobs = chain_jobs(paths, self.results, self.cache)
            chained = {i for i, _, _ in jobs}
            jobs += [j for j in caller_jobs(paths, self.results, self.cache)
                     if j[0] not in chained]
            if not jobs:
                return
            for i, data, digest in jobs:
                self.answer_digests[i] = (paths[i], digest)
                self._analyse(i, relative_path(paths[i]), data, answers_only=True)
            self.finish()

    def answer_questions(self) -> None:
        """The second round: parse the files that can answer the first round's questions, then
        those that may end an attribute another module's constructor keeps a task in, those of
        the functions a collection's owner also hands it to, and the callers of an asked
        attribute's getters."""
        self._read(answer_jobs(self.paths, self.results, self.cache, self.folders))
        self._read(held_attribute_jobs(self.paths, self.results, self.cache, self.folders))
        self._read(handed_collection_jobs(self.paths, self.results, self.cache, self.folders))
        self._read(getter_caller_jobs(self.paths, self.results, self.cache, self.folders))

    def _read(self, jobs: list[tuple[int, bytes, str]]) -> None:
        """Parse these files for their exports only (answers), and wait for them."""
        for i, data, digest in jobs:
            self.answer_digests[i] = (self.paths[i], digest)
            self._analyse(i, relative_path(self.paths[i]), data, answers_only=True)
        if jobs:
            self.finish()

