"""A whole run: discover files, answer what the cache and the prefilter can, parse the rest.

1. discovery lists the files (sorted, deduplicated), the folders it could not list (they are
   reported as skipped) and a killed `fix`'s temporary files (the stale ones are removed);
2. a cheap pass over every file: a stat the cache may recognise, else a read, the prefilter
   (most files stop here) and a content hash the cache may recognise;
3. only the files left are parsed and analysed into facts (`pipeline.py`): here when they are
   few, else in a process pool that starts as soon as there is enough work (a cold run over a
   big tree: during discovery) and parses while the pass goes on (`workers.py`);
4. the facts of every file are joined into findings (`taskleak.project.join`).
libcst is imported only when step 3 has work: a warm run over an unchanged tree never loads it.
Facts are put back in file order, whatever order the pool finishes in, and findings sorted.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from taskleak.analysis.facts.module import FileFacts
from taskleak.analysis.obligations.spawners import Spawner, unpromised_helpers
from taskleak.analysis.tree.block_reads import others_fit, read_by
from taskleak.analysis.tree.blocks import BLOCKS_ABOVE, Words
from taskleak.analysis.tree.through import Through
from taskleak.files.context import ContextKind
from taskleak.files.discovery import Found, listing_key
from taskleak.files.listing_cache import ListingCache
from taskleak.files.paths import relative_path
from taskleak.files.source import SourceError, read_source, too_large
from taskleak.files.temporary import remove_stale
from taskleak.model import RunResult, Skipped
from taskleak.project.join import RuleEnabled, join, rules_by_default
from taskleak.records import record
from taskleak.run.base_sources import BaseSource
from taskleak.run.cache import CLEAN, Cache, content_digest
from taskleak.run.complete import Folders, place_calls
from taskleak.run.context import discover_in_context, reported
from taskleak.run.early_pool import EarlyPool
from taskleak.run.helper_forecast import Forecast
from taskleak.run.joined import joined
from taskleak.run.prefilter import Prefilter, prefilter_for
from taskleak.run.progress import NoProgress, Progress
from taskleak.run.replay import Replayed, RunRecord, Seen
from taskleak.run.rounds import Rounds
from taskleak.settings import Settings

if TYPE_CHECKING:  # imported with the first file to parse: a warm run has none
    from taskleak.run.workers import Analyzer, Job

_RULED_OUT = FileFacts(path="")  # shared facts of every file the prefilter rules out


@record
class RunStats:
    """How a run got its results (for tests, benchmarks and `--verbose`-style output)."""

    files: int = 0
    cached: int = 0  # answered by the cache without parsing
    ruled_out: int = 0  # read in this run, and the prefilter says no spawn can be there
    analysed: int = 0  # parsed (or tried to) in this run
    workers: int = 0  # worker processes used; 0 when everything ran in this process
    answering: int = 0  # parsed in this run to answer another module's question
    # parsed again in this run with the project's spawn helpers it may call, or with what its
    # imports bind through the run's modules (stdlib_through.py)
    helped: int = 0
    placed: int = 0  # parsed again in this run to place calls that drop a returned task
    cache_error: str | None = None  # why the cache could not be written
    context: Path | None = None  # the project folder whose files gave the named ones context
    context_kind: ContextKind | None = None  # why that folder (set by the session)
    reported: int = 0  # files named (reported); the others of `files` are the project's context


@record
class Collected:
    """The facts of every file of a run, in the order of `paths` (absolute, as discovered)."""

    paths: list[str]
    facts: list[FileFacts]
    spawners: tuple[Spawner, ...] = ()
    unlisted: list[Skipped] = field(default_factory=list)  # folders that could not be listed
    fingerprint: str | None = None  # of the files' stats, for the run's record (replay.py)
    replayed: Replayed | None = None  # the last check's result: no file changed since
    named: list[str] | None = None  # the files reported (None: all); the others give context
    # the files analysed with their imports of the standard library through the run's modules
    # (stdlib_through.py), by index
    throughs: dict[int, Through] = field(default_factory=dict)

    @property
    def reported_paths(self) -> list[str]:  # absolute, as discovered
        return self.paths if self.named is None else self.named

    def result(self, rule_enabled: RuleEnabled = rules_by_default) -> RunResult:
        """The findings of the facts, every file and folder skipped: of the named files."""
        out = join(self.facts, len(self.facts), rule_enabled)
        if self.named is not None:
            out = reported(out, self.facts, self.named)
        if self.unlisted:
            out.skipped = sorted([*out.skipped, *self.unlisted], key=lambda s: s.path)
        return out

    def reanalyse(self, index: int, settings: Settings) -> FileFacts:
        """Read and analyse one of the files again (it changed since it was collected), with
        the other modules' helpers it was analysed with (`FileFacts.helpers`) and its imports'
        bindings (`throughs`)."""
        from taskleak.run.pipeline import analyse_file

        helpers = unpromised_helpers(self.facts[index].helpers)
        path = self.paths[index]
        display = relative_path(path)
        try:
            data = read_source(path)
            if (over := too_large(len(data), settings.max_file_size)) is not None:
                raise over
        except SourceError as exc:
            return FileFacts(display, skipped=Skipped(display, exc.reason, exc.line,
                                                      column=exc.column))
        return analyse_file(data, display, settings.spawners + helpers,
                            through=self.throughs.get(index, ()))


def collect(paths: Sequence[Path], settings: Settings, *, jobs: int | None = None,
            cache_dir: Path | None = None, progress: Progress | None = None,
            use_prefilter: bool = True, stats: RunStats | None = None,
            record: RunRecord | None = None, context: Path | None = None) -> Collected:
    """The facts of every file under `paths` (and, with a `context` folder, of every file of
    that project: run/context.py). `jobs`: worker processes at most (default: all cores);
    `cache_dir`: where facts persist between runs (None: no cache);
    `use_prefilter=False` parses every file; `record`: the last check's result, replayed when
    no file changed since (replay.py; then the facts are not collected). Raises
    SpecialPathError when a path is neither a folder nor a regular file."""
    progress = progress or NoProgress()
    stats = stats if stats is not None else RunStats()
    if cache_dir is None or not use_prefilter:
        cache_dir = record = None  # (the record replays what the cache would give)
    listings = ListingCache(cache_dir, listing_key(settings)) if cache_dir else None
    warm = record is not None and record.present  # its cache is loaded if need be
    cache = Cache(cache_dir, settings.analysis_key()) if cache_dir and not warm else None
    found = Found()
    early = EarlyPool(settings, jobs) if not warm and (cache is None or cache.empty) else None
    files, named = _discover(paths, settings, listings, found, early, context)
    listing_error = listings.save() if listings is not None else None
    stats.files, stats.context = len(files), context
    stats.reported = len(files if named is None else named)
    seen = None
    if record is not None and cache_dir is not None:
        seen = Seen.take(files)
        replayed = record.replay(seen.fingerprint)
        if replayed is not None:
            stats.cached = len(files)
            return Collected(files, [], settings.spawners, replayed=replayed, named=named)
        if cache is None:  # warm, but something changed
            cache = Cache(cache_dir, settings.analysis_key())
    progress.start(len(files))
    run = _Collector(settings, cache, progress, stats, len(files), jobs, use_prefilter,
                     early.analyzer if early is not None else None, files)
    try:
        for i, key in enumerate(files):
            run.file(i, key, seen.stats[i] if seen is not None else None)
        run.finish()
        run.read_through()
        if use_prefilter:  # with every file parsed, every answer is already there
            run.judge_helper_callers()
            run.read_inherited()
            run.answer_questions()
            run.read_class_chains()
            stats.placed = place_calls(files, run.results, settings, cache, run.analyzer)
        if cache is not None:
            roots = [*paths, context] if context is not None else paths
            stats.cache_error = cache.save(roots) or listing_error
    except KeyboardInterrupt:
        run.abort()  # Ctrl-C: the workers are ended, not waited for
        raise
    finally:
        run.close()
        progress.stop()
    unlisted = [Skipped(relative_path(folder), f"folder cannot be listed: {why}")
                for folder, why in found.unlisted]
    return Collected(files, run.results, settings.spawners, unlisted,
                     fingerprint=seen.fingerprint if seen is not None else None, named=named,
                     throughs=run.throughs)


def _discover(paths: Sequence[Path], settings: Settings, listings: ListingCache | None,
              found: Found, early: EarlyPool | None, context: Path | None
              ) -> tuple[list[str], list[str] | None]:
    """The run's files (absolute path strings), and the named ones when a `context` gives
    them the project's; a killed `fix`'s temporary files are removed (files/temporary.py)."""
    try:
        files = discover_in_context(paths, settings, context, listings, found,
                                    (POOL_BEFORE_FILES, early.start) if early else None)
    except BaseException:
        if early is not None:
            early.abort()
        raise
    remove_stale(found.temporaries)
    return files


# Speed trick (one place): a cold run over a big tree starts its worker pool while discovery is
# still listing files, so the workers import libcst (~0.2 s each) on the core discovery leaves
# idle. Measured on homeassistant (10,916 files, cold, 2 cores): 1.80 -> 1.67 s. Below this
# many files discovery is too short to hide anything; a warm run (a cache with entries) never
# starts it (it may parse nothing). `tests/run/test_early_pool.py` guards both.
POOL_BEFORE_FILES = 1000


class _Collector(Rounds):
    """The cheap pass over each file, and the analysis of the files it cannot answer."""

    def __init__(self, settings: Settings, cache: Cache | None, progress: Progress,
                 stats: RunStats, count: int, jobs: int | None, use_prefilter: bool,
                 analyzer: Analyzer | None = None, paths: Sequence[str] = ()) -> None:
        self.paths = paths  # the run's files (absolute), all listed before the first is read
        self.spawners = settings.spawners
        self.max_file_size = settings.max_file_size
        self.cache = cache
        self.progress = progress
        self.stats = stats
        self.jobs = jobs
        self.use_prefilter = use_prefilter
        self._prefilter: Prefilter | None = None  # made for the first file read (a warm run
        # reads none: with many configured spawners, making it takes a while)
        self._forecast: Forecast | None = None  # the same
        self.results: list[FileFacts] = [_RULED_OUT] * count
        # the big files that may spawn, held to the end of the pass (`finish`)
        self.big: list[tuple[int, str, bytes, tuple[Spawner, ...]]] = []
        self.recorded: dict[int, tuple[str, os.stat_result, str]] = {}  # path, stat, digest
        self.answer_digests: dict[int, tuple[str, str]] = {}  # path, digest
        self.helped_keys: dict[int, tuple[str, str, str]] = {}  # path, digest, helpers' key
        self.extras: dict[int, tuple[Spawner, ...]] = {}  # the helpers each was analysed with
        # the imports each names the standard library by through a module of the run
        # (stdlib_through.py): every later round analyses it with them
        self.throughs: dict[int, Through] = {}
        self._folders: Folders | None = None
        self.analyzer = analyzer  # started during discovery, or made by the first job
        if analyzer is not None:
            analyzer.on_result = self._done

    def file(self, i: int, key: str, st: os.stat_result | None = None) -> None:
        """Answer file `i` from the cache or the prefilter, or hand it to the analyzer (`st`:
        its stat, when the run took it already)."""
        cache = self.cache
        if cache is not None:
            if st is None:
                try:
                    st = os.stat(key)  # before the read: a later edit changes the stat
                except OSError:
                    st = None
            known = cache.lookup(key, st) if st is not None else None
            if known == CLEAN or (known is not None and self._cached(i, known, key)):
                self.stats.cached += 1
                self.progress.advance()
                return
        try:
            data = read_source(key, st)
        except SourceError as exc:
            display = relative_path(key)
            self.results[i] = FileFacts(display, skipped=Skipped(display, exc.reason, exc.line,
                                                                 column=exc.column))
            self.progress.advance()
            return
        if self.use_prefilter and not self.prefilter.may_spawn(data):
            self.stats.ruled_out += 1
            if cache is not None and st is not None:
                cache.remember(key, st, None)
            self.progress.advance()
            return
        if cache is not None and st is not None:
            digest = content_digest(data)
            if cache.lookup_content(key, st, digest) and self._cached(i, digest, key):
                self.stats.cached += 1
                self.progress.advance()
                return
            self.recorded[i] = (key, st, digest)
        extra = self.forecast.helpers(key, data) if self.use_prefilter else ()
        if self.use_prefilter and len(data) > BLOCKS_ABOVE and (
                (not self.big and self._alone()) or others_fit(self.paths, i, len(data))):
            self.big.append((i, relative_path(key), data, extra))  # see `finish`
            return
        self._analyse(i, relative_path(key), data, extra=extra)

    @property
    def forecast(self) -> Forecast:
        if self._forecast is None:
            self._forecast = Forecast(self.prefilter, frozenset(self.paths))
        return self._forecast

    @property
    def prefilter(self) -> Prefilter:
        if self._prefilter is None:
            self._prefilter = prefilter_for(self.spawners)
        return self._prefilter

    def _cached(self, i: int, digest: str, key: str) -> bool:
        assert self.cache is not None
        cached = self.cache.result(digest, relative_path(key))
        if cached is None:
            return False
        self.results[i] = cached
        return True

    def _analyse(self, i: int, display: str, data: bytes, answers_only: bool = False,
                 extra: tuple[Spawner, ...] = (), bases: tuple[BaseSource, ...] = (),
                 blocks: Words | None = None) -> None:
        if (over := too_large(len(data), self.max_file_size)) is not None:
            if not answers_only:  # not parsed; only read to answer: its question stays open
                self.results[i] = FileFacts(display, skipped=Skipped(display, over.reason))
                if self.helped_keys.pop(i, None) is None:
                    self.progress.advance()
            return
        if not answers_only and not bases:
            self.extras[i] = extra  # the spawners it was analysed with (read_inherited)
            self.stats.analysed += i not in self.helped_keys
        if self.analyzer is None:
            from taskleak.run.workers import Analyzer, default_jobs

            self.analyzer = Analyzer(self.spawners, self.jobs or default_jobs(), self._done)
        from taskleak.run.workers import Job

        # may start parsing while the pass goes on
        self.analyzer.add(Job(i, display, data, answers_only, extra, bases, blocks,
                              self.throughs.get(i, ())))

    def _done(self, job: Job, result: FileFacts) -> None:
        if job.bases:  # the inheritance round's: joined to the module's own facts, not cached
            self.results[job.index] = joined(self.results[job.index], result)
            return
        self.results[job.index] = result
        helped = self.helped_keys.pop(job.index, None)
        if helped is not None:  # the helper round's
            self.stats.helped += 1
            if self.cache is not None:
                self.cache.remember_helped(*helped, result)
            return
        if job.answers_only:
            self.stats.answering += 1
            if self.cache is not None:
                path, digest = self.answer_digests[job.index]
                self.cache.remember_answer(path, digest, result)
            return
        if self.cache is not None and job.index in self.recorded and not result.emptied:
            key, st, digest = self.recorded[job.index]
            self.cache.remember(key, st, digest, result)
        self.progress.advance()

    def finish(self) -> None:
        # A big file is analysed from the blocks that can hold its spawns (analysis/tree/
        # blocks.py), and, unless it is the one file of the run that may hold spawns, from
        # the blocks naming a word the run's other files may read it by (block_reads.py):
        # another module's rows may read any definition it holds (its exports).
        # (held to the end of the pass while that may be, and sent at once otherwise: the pool
        # should start the biggest files first)
        big, self.big = self.big, []
        alone = len(big) <= 1 and self._alone()
        for i, display, data, extra in big:
            read = (set(), set()) if alone else read_by(self.paths, i, len(data))
            self._analyse(i, display, data, extra=extra, blocks=read)
        if self.analyzer is not None:
            self.progress.describe(f"parsing {self.stats.analysed}")
            self.stats.workers = self.analyzer.finish()

    def _alone(self) -> bool:
        """No file but the one big file held may hold spawns so far."""
        return len(self.big) <= 1 and self.stats.analysed == 0 and not any(
            r.module is not None and r.module.spawns for r in self.results)

    def close(self) -> None:
        if self.analyzer is not None:
            self.analyzer.close()

    def abort(self) -> None:
        if self.analyzer is not None:
            self.analyzer.abort()
