"""One session, the one way in to analyse and to fix: settings -> source (files or a buffer) ->
facts -> project join -> suppressions -> [fix -> re-check] -> gate.

The command line (check, fix, `--diff`, stdin, `--watch`, `--add-noqa`), the library API
(`taskleak.api`), the language server's diagnostics, quick fixes and fix-all, and the tests all
go through `Session`: where a file's findings are decided (`analyse`: the run's facts joined by
the project, then `# noqa`, per-file ignores and the baseline), fixed (`fix`: the fixer, as the
fix policy allows, then a re-check) and gated (`gate`). Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from taskleak.analysis.facts.module import FileFacts
from taskleak.analysis.obligations.spawners import parse_spawner
from taskleak.files.context import ContextKind, project_context
from taskleak.files.discovery import SpecialPathError, is_excluded
from taskleak.files.paths import relative_path
from taskleak.model import FindingKey, RunResult, fails_gate
from taskleak.project.join import join
from taskleak.records import record
from taskleak.rules.unused_noqa import RULE as _UNUSED_NOQA_RULE
from taskleak.run.progress import NoProgress, Progress
from taskleak.run.replay import Replayed
from taskleak.run.runner import Collected, RunStats, collect
from taskleak.settings import Settings
from taskleak.suppress.gate import apply_suppressions
from taskleak.suppress.noqa_fix import noqa_removal
from taskleak.suppress.unanalysed import with_unanalysed

if TYPE_CHECKING:  # fixing imports libcst: a check without fixes never loads it
    from taskleak.fixer.files import FixRun
    from taskleak.fixes.comments import CommentEdit
    from taskleak.fixes.policy import FixPolicy
    from taskleak.run.replay import RunRecord

UNUSED_NOQA = _UNUSED_NOQA_RULE.code


class SessionError(Exception):
    """A path the session cannot take (a FIFO, a device), a bad baseline or runtime report."""


@record(frozen=True)
class Source:
    """What a session checks: files and folders, or one buffer (stdin, an editor's unsaved
    text) checked as if it were the file `filename`."""

    paths: tuple[Path, ...] = ()
    buffer: bytes | None = None
    filename: Path | None = None
    name: str | None = None  # how reports name the buffer (default: `filename`, relative)

    @property
    def targets(self) -> list[Path]:
        """The paths settings and excludes are looked up for."""
        if self.buffer is not None:
            return [self.filename or Path("stdin.py")]
        return list(self.paths) or [Path(".")]

    @property
    def display(self) -> str:
        """How reports name the buffer."""
        if self.name is not None:
            return self.name
        return relative_path(self.filename) if self.filename else "-"


def gate(result: RunResult, fail_on: str) -> int:
    """0: nothing at or above `fail_on`; 1: something is; 2: an internal error."""
    if any(s.internal for s in result.skipped):
        return 2
    return int(any(fails_gate(f, fail_on) for f in result.findings))


@record
class Session:
    """One source under one set of settings (see the module docstring)."""

    source: Source
    settings: Settings
    jobs: int | None = None  # worker processes at most (default: all cores)
    cache_dir: Path | None = None  # where facts persist between runs (None: no cache)
    # files: every file of the project gives the named ones context (files/context.py)
    project_context: bool = True
    progress: Progress = field(default_factory=NoProgress)
    stats: RunStats = field(default_factory=RunStats)
    result: RunResult = field(default_factory=lambda: RunResult([], [], 0, 0))
    fixes: FixRun | None = None
    _collected: Collected | None = None
    _unused_in: list[str] = field(default_factory=list)
    _report_unused: bool | None = None
    # (path, line) of the noqa comments with a colon and no code list, in the files read
    invalid_noqa: list[tuple[str, int]] = field(default_factory=list)
    # (path, line, column) of each unused noqa directive -> the edit that fixes it
    _noqa_edits: dict[tuple[str, int, int], CommentEdit] = field(default_factory=dict)
    _analysed: bool = False

    # -- findings ---------------------------------------------------------------------------
    def analyse(self, *, report_unused: bool | None = None, replay: bool = False) -> RunResult:
        """The source's findings after suppressions (`report_unused=False`: no unused `# noqa`
        findings; default: as the settings select that rule). `replay`: when no file changed
        since the last such check, its result (run/replay.py: a check that fixes nothing)."""
        self._report_unused = report_unused
        self._analysed = True
        if self.source.buffer is not None:
            self.result = self._suppressed(self._buffer_result())
            return self.result
        found = self.context
        context = found[0] if found is not None else None
        self.stats.context_kind = found[1] if found is not None else None
        record = self._record(report_unused, context) if replay else None
        try:
            self._collected = collect(self.source.targets, self.settings, jobs=self.jobs,
                                      cache_dir=self.cache_dir, progress=self.progress,
                                      stats=self.stats, record=record, context=context)
        except SpecialPathError as exc:  # a FIFO, a device: never opened
            raise SessionError(str(exc)) from None
        self._unused_in = self._collected.reported_paths
        replayed = self._collected.replayed
        if replayed is not None:
            self.result, self.invalid_noqa = replayed.result, replayed.invalid_noqa
            return self.result
        self.result = self._suppressed(self._collected.result(self.settings.rule_enabled))
        if record is not None:
            error = record.save(self._collected.fingerprint,
                                Replayed(self.result, self.invalid_noqa))
            self.stats.cache_error = self.stats.cache_error or error
        return self.result

    @property
    def context(self) -> tuple[Path, ContextKind] | None:
        """The project folder whose files give the named files their context, and why that
        folder (None: they are judged by themselves: a buffer, `project_context=False`, or no
        project found)."""
        if self.source.buffer is not None or not self.project_context:
            return None
        return project_context(self.source.targets, self.settings)

    def _record(self, report_unused: bool | None, context: Path | None) -> RunRecord | None:
        """The record of the last check with these settings, targets, context and working
        folder."""
        if self.cache_dir is None:
            return None
        from taskleak.run.replay import RunRecord

        key = repr((self.settings, self.source.targets, str(Path.cwd()), report_unused,
                    str(context)))
        return RunRecord(self.cache_dir, key)

    def _buffer_result(self) -> RunResult:
        from taskleak.files.source import SourceError, checked, too_large
        from taskleak.model import Skipped
        from taskleak.run.prefilter import prefilter_for

        data, display = self.source.buffer, self.source.display
        assert data is not None
        self._unused_in = [display]
        if self.excluded():
            self._unused_in = []
            return RunResult([], [], 0, 0)
        try:
            checked(data)
            spawns = prefilter_for(self.settings.spawners).may_spawn(data)
            if spawns and (over := too_large(len(data), self.settings.max_file_size)):
                raise over
        except SourceError as exc:
            facts = FileFacts(display, skipped=Skipped(display, exc.reason, exc.line))
        else:
            facts = FileFacts(display)
            if spawns:
                from taskleak.run.pipeline import analyse_file

                facts = analyse_file(data, display, self.settings.spawners)
        return join([facts], 1, self.settings.rule_enabled)

    def _suppressed(self, result: RunResult) -> RunResult:
        buffer = self.source.buffer
        sources = {self.source.display: buffer} if buffer is not None else None
        # files whose facts say their bytes never mention noqa need not be read again for it
        quiet = frozenset(f.path for f in self._collected.facts if not f.mentions_noqa) \
            if self._collected is not None and buffer is None else frozenset()
        out, noqa = apply_suppressions(result, self.settings, unused_in=self._unused_in,
                                       report_unused=self._report_unused, sources=sources,
                                       without_noqa=quiet)
        self.invalid_noqa = sorted(set(noqa.invalid))
        self._noqa_edits = {(u.path, u.line, u.column): edit for u in noqa.unused
                            if (edit := noqa_removal(u)) is not None}
        return with_unanalysed(out, self.settings)  # no directive reaches such a file

    def excluded(self) -> bool:
        """A buffer whose file the settings exclude (with `force-exclude`)."""
        name = self.source.filename
        return self.source.buffer is not None and self.settings.force_exclude \
            and name is not None and is_excluded(name, self.settings)

    # -- fixes ------------------------------------------------------------------------------
    def fix(self, policy: FixPolicy, *, write: bool, only: Collection[FindingKey] | None = None,
            recheck: bool = True) -> FixRun:
        """Fix what the policy attempts among the findings (or the findings `only` names, in a
        buffer), as it allows and writes them; with `write=False`, only compute the diffs.
        `recheck`: the written files' findings are decided again (`check --fix`); otherwise
        the fixed findings are left out (`fix`)."""
        from taskleak.fixer.files import remaining, run_fixes

        if self._collected is not None and self._collected.replayed is not None:
            self.analyse(report_unused=self._report_unused)  # fixing needs the facts

        if only is not None and not self._analysed and any(r == UNUSED_NOQA for *_, r in only):
            self.analyse()  # an editor's quick fix: which codes are unused is the check's
        comments = self.comment_edits(policy, only)
        if self.source.buffer is not None:
            self.fixes = self._fix_buffer(policy, write, only, comments.get(self.source.display))
        else:
            self.fixes = run_fixes(self.result, policy, write=write, comments=comments)
        if write and recheck and self._collected is not None and self.fixes.changed_files:
            self._refresh(self.fixes)
            self.result = self._suppressed(self._collected.result(self.settings.rule_enabled))
        elif not (write and recheck and self._collected is not None):
            self.result = replace(self.result, findings=remaining(self.result, self.fixes))
        return self.fixes

    def comment_edits(self, policy: FixPolicy, only: Collection[FindingKey] | None = None
                      ) -> dict[str, list[CommentEdit]]:
        """display path -> the fixes of the unused `# noqa` findings the policy fixes (of those
        `only` names)."""
        out: dict[str, list[CommentEdit]] = {}
        for f in self.result.findings:
            edit = self._noqa_edits.get((f.path, f.line, f.column))
            if edit is not None and f.rule == UNUSED_NOQA and policy.fixable(f) and (
                    only is None or (f.line, f.column, f.rule) in only):
                out.setdefault(f.path, []).append(edit)
        return out

    def _fix_buffer(self, policy: FixPolicy, write: bool,
                    only: Collection[FindingKey] | None,
                    comments: Sequence[CommentEdit] | None) -> FixRun:
        from taskleak.files.source import decode
        from taskleak.fixer.apply import FileFix, fix_source, unified_diff
        from taskleak.fixer.files import FixRun

        data, display = self.source.buffer, self.source.display
        assert data is not None
        targets = set(only) if only is not None else {
            (f.line, f.column, f.rule) for f in self.result.findings if policy.attempts(f)}
        run = FixRun(wrote=write)
        if targets and not self.result.skipped:
            path = self.source.filename or Path(display)
            source = fix_source(data, spawners=self.settings.spawners, targets=targets,
                                allow_unsafe=policy.allow_unsafe, filename=display,
                                style=policy.style(path), comments=comments or ())
            done = FileFix(Path(display), display, source=source, error=source.error,
                           written=write and source.changed and source.error is None)
            if not write and source.changed and source.error is None:
                done.diff = unified_diff(display, data, source.fixed, decode(data)[1])
            run.files.append(done)
        return run

    def fixed_buffer(self) -> bytes:
        """The buffer after `fix` (unchanged when nothing was fixed)."""
        run = self.fixes
        if run is not None and run.changed_files and run.files[0].source is not None:
            return run.files[0].source.fixed
        assert self.source.buffer is not None
        return self.source.buffer

    def _refresh(self, fixes: FixRun) -> None:
        """Put the re-checked facts of the files the fixes wrote in place of the old ones."""
        collected = self._collected
        assert collected is not None
        index = {f.path: i for i, f in enumerate(collected.facts)}
        for fixed in fixes.changed_files:
            if fixed.written and fixed.source is not None and fixed.display in index:
                i = index[fixed.display]
                if fixed.source.facts is None or collected.facts[i].helpers \
                        or i in collected.throughs:
                    # the re-check could not be kept, or it was made without the other modules'
                    # helpers the file calls or what its imports bind through them (their rows
                    # would go): analyse it again
                    collected.facts[i] = collected.reanalyse(i, self.settings)
                else:
                    collected.facts[i] = FileFacts(fixed.display, module=fixed.source.facts,
                                                   parsed=True)

    # -- what else a check does --------------------------------------------------------------
    def apply_baseline(self, baseline_path: Path, write_to: Path | None) -> tuple[list[str], int]:
        """Write the baseline (`--write-baseline`), then keep only findings it does not hold;
        the messages for the user, and how many findings the baseline held."""
        from taskleak.suppress.baseline import BaselineError, load_baseline
        from taskleak.suppress.gate import apply_baseline, record_baseline

        messages: list[str] = []
        try:
            if write_to is not None:
                count = record_baseline(write_to, self.result, self.settings)
                noun = "entry" if count == 1 else "entries"
                messages.append(f"taskleak: wrote {count} baseline {noun} to {write_to}")
            self.result, matched, fixed = apply_baseline(
                self.result, load_baseline(baseline_path), self.source.targets)
        except BaselineError as exc:
            raise SessionError(str(exc)) from None
        if fixed:
            noun = "entry no longer matches" if len(fixed) == 1 else "entries no longer match"
            messages.append(f"taskleak: {len(fixed)} baseline {noun} (fixed); "
                            f"run --write-baseline {baseline_path} to prune")
        return messages, len(matched)

    def confirm_at_runtime(self, report: Path) -> list[str]:
        """Mark findings whose spawn leaked at runtime; tell of runtime leaks no finding
        explains."""
        from taskleak.runtime.report import (
            RuntimeReportError,
            describe_runtime_only,
            link_runtime_report,
        )

        root = Path.cwd()
        try:
            findings, runtime_only = link_runtime_report(self.result.findings, report,
                                                         self.source.targets, root)
        except RuntimeReportError as exc:
            raise SessionError(str(exc)) from None
        self.result = replace(self.result, findings=findings)
        return [describe_runtime_only(leak, root) for leak in runtime_only]


def check_source(code: str | bytes, path: str = "<string>", spawners: Sequence[str] = (),
                 settings: Settings | None = None) -> RunResult:
    """The findings of one module given as text (or bytes), as `check` makes them for a file
    (`path` is only shown), its `# noqa` comments applied: for tools, editors and tests.
    `settings` (default: the defaults) selects the rules; its spawners add to `spawners`
    (written as in settings: ValueError saying what is wrong with one)."""
    settings = settings or Settings()
    given = tuple(parse_spawner(s) for s in spawners)
    settings = replace(settings, spawners=(*given, *settings.spawners))
    data = code.encode("utf-8") if isinstance(code, str) else code
    return Session(Source(buffer=data, filename=Path(path), name=path), settings).analyse()
