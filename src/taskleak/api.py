"""taskleak as a library: the check and fix sessions, as plain functions over typed options.

    files -> parse -> module facts -> project join -> findings -> suppressions / baseline
          -> report | fix (then the fixed files' re-checks replace their facts)

`check` and `fix` return what happened (findings, fixes, messages for the user, the exit
code); they print nothing. The command line (`cli.py`) parses options, calls them and prints.
A bad option or configuration raises `UsageError` (the command line exits 2).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from taskleak.analysis.facts import FileFacts
from taskleak.config import CliOverrides, ConfigError, resolve_settings
from taskleak.files.cachedir import default_cache_dir
from taskleak.model import Risk, RunResult
from taskleak.project.join import join
from taskleak.run.progress import NoProgress, Progress
from taskleak.run.runner import RunStats, collect
from taskleak.settings import Settings
from taskleak.suppress.gate import apply_suppressions
from taskleak.suppress.noqa import UnusedNoqa

if TYPE_CHECKING:  # fixing imports libcst: a check run without fixes never loads it
    from taskleak.fixes.apply import AppliedFix, NotFixed
    from taskleak.fixes.files import FixRun


class UsageError(Exception):
    """A bad option, configuration, baseline or runtime report: the message says which."""


@dataclass(frozen=True)
class RunOptions:
    """What to check and how: shared by `check` and `fix`."""

    paths: tuple[Path, ...] = ()  # default: the current folder
    overrides: CliOverrides = field(default_factory=CliOverrides)  # the command line's settings
    config_file: Path | None = None
    isolated: bool = False
    jobs: int | None = None  # worker processes at most (default: all cores)
    cache: bool = True
    cache_dir: Path | None = None  # default: .taskleak_cache in the project root

    @property
    def targets(self) -> list[Path]:
        return list(self.paths) or [Path(".")]


@dataclass(frozen=True)
class CheckOptions(RunOptions):
    show_unused_noqa: bool = False
    write_baseline: Path | None = None
    runtime_report: Path | None = None
    apply_fixes: bool = False  # fix first, then report what is left
    diff: bool = False  # compute the fixes as a diff, write nothing


@dataclass(frozen=True)
class FixOptions(RunOptions):
    diff: bool = False


@dataclass
class Outcome:
    """What a session did; `messages` are for the user (stderr), in order."""

    settings: Settings
    result: RunResult
    exit_code: int = 0
    fixes: FixRun | None = None
    unused_noqa: list[UnusedNoqa] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # shown first: the cache could not be saved
    stats: RunStats = field(default_factory=RunStats)


def exit_code(result: RunResult, fail_on: str) -> int:
    """0: nothing at or above `fail_on`; 1: something is; 2: an internal error."""
    if any(s.internal for s in result.skipped):
        return 2
    if fail_on == "none":
        return 0
    threshold = Risk(fail_on).rank
    for f in result.findings:
        if not f.structured and f.risk.rank >= threshold:
            return 1  # structured spawns are safe by construction: they never fail the gate
    return 0


def settings_for(options: RunOptions) -> Settings:
    try:
        return resolve_settings(options.targets, config=options.config_file,
                                isolated=options.isolated, overrides=options.overrides)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _cache_dir(options: RunOptions, settings: Settings) -> Path | None:
    if not options.cache:
        return None
    return options.cache_dir or default_cache_dir(settings.project_root)


class _Run:
    """One session's files and facts: collected once, re-joined after fixes."""

    def __init__(self, options: RunOptions, settings: Settings, progress: Progress) -> None:
        self.settings = settings
        self.stats = RunStats()
        self.collected = collect(options.targets, settings, jobs=options.jobs,
                                 cache_dir=_cache_dir(options, settings), progress=progress,
                                 stats=self.stats)

    def result(self) -> RunResult:
        return join(self.collected.facts, len(self.collected.facts),
                    self.settings.rule_enabled)

    def refresh(self, fixes: FixRun) -> None:
        """Put the re-checked facts of the files the fixes wrote in place of the old ones."""
        index = {f.path: i for i, f in enumerate(self.collected.facts)}
        for fixed in fixes.changed_files:
            if fixed.written and fixed.source is not None and fixed.display in index:
                i = index[fixed.display]
                self.collected.facts[i] = FileFacts(fixed.display, module=fixed.source.facts,
                                                    parsed=True)
                if fixed.source.facts is None:  # the re-check could not be kept: analyse it
                    self.collected.facts[i] = self.collected.reanalyse(i, self.settings)


def check(options: CheckOptions, progress: Progress | None = None) -> Outcome:
    """`taskleak check`: the findings under the options' paths, after suppressions."""
    settings = settings_for(options)
    run = _Run(options, settings, progress or NoProgress())
    out = Outcome(settings, run.result(), stats=run.stats)
    if run.stats.cache_error:
        out.warnings.append(f"taskleak: warning: {run.stats.cache_error}")
    unused_in = run.collected.paths if options.show_unused_noqa else ()
    out.result, noqa = apply_suppressions(out.result, settings, unused_in=unused_in,
                                          report_unused=options.show_unused_noqa)
    if options.apply_fixes or options.diff:
        from taskleak.fixes.files import run_fixes

        out.fixes = run_fixes(out.result, settings, write=not options.diff)
        if options.diff:
            out.exit_code = 1 if out.fixes.changed_files else 0
            return out
        if out.fixes.changed_files:
            run.refresh(out.fixes)
            out.result, noqa = apply_suppressions(run.result(), settings, unused_in=unused_in,
                                                  report_unused=options.show_unused_noqa)
    out.unused_noqa = noqa.unused if options.show_unused_noqa else []
    baseline = options.write_baseline or settings.baseline
    if baseline is not None:
        out.result = _baseline(out, options.targets, options.write_baseline, baseline)
    if options.runtime_report is not None:
        out.result = _confirm_at_runtime(out, options.runtime_report, options.targets)
    out.exit_code = exit_code(out.result, settings.fail_on)
    if out.exit_code == 0 and out.unused_noqa:
        out.exit_code = 1
    return out


def fix(options: FixOptions, progress: Progress | None = None) -> Outcome:
    """`taskleak fix`: fix the findings under the options' paths (safe fixes unless allowed)."""
    from taskleak.fixes.files import remaining, run_fixes

    settings = settings_for(options)
    run = _Run(options, settings, progress or NoProgress())
    result, _ = apply_suppressions(run.result(), settings, report_unused=False)
    fixes = run_fixes(result, settings, write=not options.diff)
    out = Outcome(settings, result, fixes=fixes, stats=run.stats)
    if options.diff:
        out.exit_code = 2 if any(s.internal for s in result.skipped) else \
            1 if fixes.changed_files else 0
    else:
        out.exit_code = exit_code(replace(result, findings=remaining(result, fixes)),
                                  settings.fail_on)
    return out


def _baseline(out: Outcome, targets: Sequence[Path], write_to: Path | None,
              baseline_path: Path) -> RunResult:
    """Write the baseline (`--write-baseline`), then keep only findings it does not hold."""
    from taskleak.suppress.baseline import BaselineError, load_baseline
    from taskleak.suppress.gate import apply_baseline, record_baseline

    result = out.result
    try:
        if write_to is not None:
            count = record_baseline(write_to, result, out.settings)
            noun = "entry" if count == 1 else "entries"
            out.messages.append(f"taskleak: wrote {count} baseline {noun} to {write_to}")
        result, _, fixed = apply_baseline(result, load_baseline(baseline_path), targets)
    except BaselineError as exc:
        raise UsageError(str(exc)) from None
    if fixed:
        noun = "entry no longer matches" if len(fixed) == 1 else "entries no longer match"
        out.messages.append(f"taskleak: {len(fixed)} baseline {noun} (fixed); "
                            f"run --write-baseline {baseline_path} to prune")
    return result


def _confirm_at_runtime(out: Outcome, report: Path, targets: Sequence[Path]) -> RunResult:
    """Mark findings whose spawn leaked at runtime; tell of runtime leaks no finding explains."""
    from taskleak.runtime.report import (
        RuntimeReportError,
        describe_runtime_only,
        link_runtime_report,
    )

    root = Path.cwd()
    try:
        findings, runtime_only = link_runtime_report(out.result.findings, report, list(targets),
                                                     root)
    except RuntimeReportError as exc:
        raise UsageError(str(exc)) from None
    out.messages += [describe_runtime_only(leak, root) for leak in runtime_only]
    return dataclasses.replace(out.result, findings=findings)


def check_source(code: str | bytes, path: str = "<string>",
                 spawners: Sequence[str] = ()) -> RunResult:
    """The findings of one module given as text (or bytes), as `check` makes them for a file
    (`path` is only shown): for tools, editors and tests."""
    from taskleak.run.pipeline import analyse_file

    data = code.encode("utf-8") if isinstance(code, str) else code
    return join([analyse_file(data, path, tuple(spawners))], 1)


# -- one unsaved buffer (editors: `taskleak server`) ----------------------------------------------
FindingKey = tuple[int, int, str]  # (line, column, rule) of a finding, as `fix_buffer` targets


@dataclass(frozen=True)
class BufferFix:
    """What fixing a buffer in memory gave: its new text (== the old one when nothing applied)."""

    text: str
    applied: list[AppliedFix]
    not_fixed: list[NotFixed]
    error: str | None = None  # the buffer could not be fixed at all (it does not parse ...)


def buffer_settings(path: Path, overrides: CliOverrides | None = None) -> Settings:
    """The settings `check` uses for the file at `path` (its nearest configuration), with
    `overrides` (an editor's) on top; raises UsageError for a bad configuration or override."""
    try:
        return resolve_settings([path], overrides=overrides)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def check_buffer(text: str, path: Path, settings: Settings) -> RunResult:
    """The findings of an unsaved buffer of the file at `path`, as `check` reports that file with
    `settings`: enabled rules only, `# noqa` read from the buffer. A buffer that does not parse
    gives one `Skipped` with its reason and line."""
    from taskleak.run.pipeline import analyse_file
    from taskleak.run.prefilter import may_spawn
    from taskleak.suppress.noqa import apply_noqa

    data = _buffer_bytes(text)
    if not may_spawn(data, settings.spawners):  # as `check`: nothing to parse
        return RunResult([], [], files_scanned=1, files_parsed=0)
    display = str(path)
    result = join([analyse_file(data, display, settings.spawners)], 1, settings.rule_enabled)
    # lines as the parser counts them (str.splitlines also breaks at form feeds, U+2028 ...)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    noqa = apply_noqa(result.findings, {display: lines}, rule_enabled=settings.rule_enabled,
                      report_unused=False)
    return replace(result, findings=noqa.kept)


def fix_buffer(text: str, settings: Settings, targets: Collection[FindingKey], *,
               unsafe: bool | None = None, path: Path | None = None) -> BufferFix:
    """Fix the `targets` of a buffer in memory, as `taskleak fix` would (verified, safe fixes
    unless `unsafe` or the settings allow unsafe ones); nothing is written."""
    from taskleak.files.source import SourceError, decode
    from taskleak.fixes.apply import fix_source

    def allow_unsafe(rule: str) -> bool:
        if unsafe is not None:
            return unsafe
        return settings.unsafe_fixes or rule in settings.unsafe_fix_rules

    done = fix_source(_buffer_bytes(text), spawners=settings.spawners, targets=targets,
                      allow_unsafe=allow_unsafe, filename=str(path or "<buffer>"))
    try:
        fixed = decode(done.fixed)[0] if done.changed else text
    except SourceError as exc:
        return BufferFix(text, [], done.not_fixed, exc.reason)
    return BufferFix(fixed, done.applied, done.not_fixed, done.error)


def _buffer_bytes(text: str) -> bytes:
    """A buffer's text as the bytes its file would hold: in the encoding it declares."""
    import io
    import tokenize

    data = text.encode("utf-8")
    try:
        encoding = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
        return data if encoding.startswith("utf-8") else text.encode(encoding)
    except (SyntaxError, LookupError, UnicodeEncodeError):
        return data  # the parse then reports the bad declaration


__all__ = ["BufferFix", "CheckOptions", "FixOptions", "Outcome", "RunOptions", "UsageError",
           "buffer_settings", "check", "check_buffer", "check_source", "exit_code", "fix",
           "fix_buffer"]
