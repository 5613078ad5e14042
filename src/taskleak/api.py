"""taskleak as a library: the check and fix sessions, as plain functions over typed options.

    files -> parse -> module facts -> project join -> findings -> suppressions / baseline
          -> report | fix (then the fixed files' re-checks replace their facts)

`check` and `fix` return what happened (findings, fixes, messages for the user, the exit
code); they print nothing. The command line (`cli.py`) parses options, calls them and prints.
A bad option or configuration raises `UsageError` (the command line exits 2). Source given on
stdin (`stdin=`) is checked and fixed as if it were the file `stdin_filename`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from taskleak.analysis.facts import FileFacts
from taskleak.config import CliOverrides, ConfigError, resolve_settings
from taskleak.files.cachedir import default_cache_dir
from taskleak.files.discovery import SpecialPathError, discover_names, is_excluded
from taskleak.files.paths import relative_path
from taskleak.model import Risk, RunResult
from taskleak.project.join import join
from taskleak.run.progress import NoProgress, Progress
from taskleak.run.runner import RunStats, collect
from taskleak.settings import Settings
from taskleak.suppress.gate import apply_suppressions

if TYPE_CHECKING:  # fixing imports libcst: a check run without fixes never loads it
    import threading

    from taskleak.fixer.files import FixRun
    from taskleak.suppress.add_noqa import AddedNoqa

STDIN = Path("-")


class UsageError(Exception):
    """A bad option, configuration, baseline or runtime report: the message says which."""


@dataclass(frozen=True)
class RunOptions:
    """What to check and how: shared by `check` and `fix`."""

    paths: tuple[Path, ...] = ()  # default: the current folder; `-` reads `stdin`
    overrides: CliOverrides = field(default_factory=CliOverrides)  # the command line's settings
    config_file: Path | None = None
    isolated: bool = False
    jobs: int | None = None  # worker processes at most (default: all cores)
    cache: bool = True
    cache_dir: Path | None = None  # default: .taskleak_cache in the project root
    stdin: bytes | None = None  # the source to check instead of files (the path `-`)
    stdin_filename: Path | None = None  # where that source would be: config, excludes, noqa
    exit_zero: bool = False  # exit 0 even with findings (2 stays 2)
    exit_non_zero_on_fix: bool = False  # exit 1 when a fix was applied, even if nothing is left

    @property
    def targets(self) -> list[Path]:
        if self.stdin is not None:
            return [self.stdin_filename or Path("stdin.py")]
        return list(self.paths) or [Path(".")]


@dataclass(frozen=True)
class CheckOptions(RunOptions):
    show_unused_noqa: bool = False  # select the unused-noqa rule
    write_baseline: Path | None = None
    runtime_report: Path | None = None
    apply_fixes: bool = False  # fix first, then report what is left
    diff: bool = False  # compute the fixes as a diff, write nothing
    add_noqa: bool = False  # --add-noqa: a directive on every line with a finding, no report


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
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # shown first: the cache could not be saved
    stats: RunStats = field(default_factory=RunStats)
    baselined: int = 0  # findings the baseline holds (not in `result`)
    noqa_added: AddedNoqa | None = None  # what --add-noqa wrote
    stdin_output: bytes | None = None  # fixing stdin: the fixed source (or the diff)


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


def _final_exit(out: Outcome, options: RunOptions, code: int) -> int:
    """`--exit-non-zero-on-fix` and `--exit-zero` on top of the gate's code (2 stays 2)."""
    if code == 2:
        return 2
    fixed = out.fixes is not None and out.fixes.wrote and bool(out.fixes.applied)
    if options.exit_non_zero_on_fix and fixed:
        return 1
    return 0 if options.exit_zero else code


def settings_for(options: RunOptions) -> Settings:
    """The settings a session runs with (`--show-settings` prints them)."""
    overrides = options.overrides
    if isinstance(options, CheckOptions) and options.show_unused_noqa:
        from taskleak.rules.unused_noqa import RULE

        overrides = replace(overrides, extend_select=(*(overrides.extend_select or ()), RULE.code))
    try:
        return resolve_settings(options.targets, config=options.config_file,
                                isolated=options.isolated, overrides=overrides)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def files(options: RunOptions) -> list[str]:
    """The files a session would check, as reports show them (`--show-files`)."""
    settings = settings_for(options)
    if options.stdin is not None:
        return [] if _stdin_excluded(options, settings) else [_stdin_display(options)]
    return [relative_path(f) for f in discover_names(options.targets, settings)]


def _cache_dir(options: RunOptions, settings: Settings) -> Path | None:
    if not options.cache:
        return None
    return options.cache_dir or default_cache_dir(settings.project_root)


class _Run:
    """One session's files and facts: collected once, re-joined after fixes."""

    def __init__(self, options: RunOptions, settings: Settings, progress: Progress) -> None:
        self.settings = settings
        self.stats = RunStats()
        try:
            self.collected = collect(options.targets, settings, jobs=options.jobs,
                                     cache_dir=_cache_dir(options, settings),
                                     progress=progress, stats=self.stats)
        except SpecialPathError as exc:  # a FIFO, a device: never opened
            raise UsageError(str(exc)) from None

    def result(self) -> RunResult:
        return self.collected.result(self.settings.rule_enabled)

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
    if options.stdin is not None:
        if options.add_noqa:
            raise UsageError("--add-noqa cannot be used with stdin (the path `-`)")
        return _fix_stdin(options, settings, options.diff) \
            if options.apply_fixes or options.diff else _check_stdin(options, settings)
    run = _Run(options, settings, progress or NoProgress())
    out = Outcome(settings, run.result(), stats=run.stats)
    if run.stats.cache_error:
        out.warnings.append(f"taskleak: warning: {run.stats.cache_error}")
    unused_in = run.collected.paths
    out.result, _ = apply_suppressions(out.result, settings, unused_in=unused_in)
    if options.add_noqa:
        from taskleak.suppress.add_noqa import add_noqa

        out.noqa_added = add_noqa(out.result.findings)
        out.exit_code = 2 if any(s.internal for s in out.result.skipped) else 0
        return out
    if options.apply_fixes or options.diff:
        from taskleak.fixer.files import run_fixes
        from taskleak.fixes.policy import FixPolicy

        out.fixes = run_fixes(out.result, FixPolicy(settings), write=not options.diff)
        if options.diff:
            out.exit_code = 1 if out.fixes.changed_files else 0
            return out
        if out.fixes.changed_files:
            run.refresh(out.fixes)
            out.result, _ = apply_suppressions(run.result(), settings, unused_in=unused_in)
    baseline = options.write_baseline or settings.baseline
    if baseline is not None:
        out.result = _baseline(out, options.targets, options.write_baseline, baseline)
    if options.runtime_report is not None:
        out.result = _confirm_at_runtime(out, options.runtime_report, options.targets)
    out.exit_code = _final_exit(out, options, exit_code(out.result, settings.fail_on))
    return out


def fix(options: FixOptions, progress: Progress | None = None) -> Outcome:
    """`taskleak fix`: fix the findings under the options' paths (safe fixes unless allowed)."""
    from taskleak.fixer.files import remaining, run_fixes
    from taskleak.fixes.policy import FixPolicy

    settings = settings_for(options)
    if options.stdin is not None:
        return _fix_stdin(options, settings, options.diff)
    run = _Run(options, settings, progress or NoProgress())
    result, _ = apply_suppressions(run.result(), settings, report_unused=False)
    fixes = run_fixes(result, FixPolicy(settings), write=not options.diff)
    out = Outcome(settings, result, fixes=fixes, stats=run.stats)
    if options.diff:
        out.exit_code = 2 if any(s.internal for s in result.skipped) else \
            1 if fixes.changed_files else 0
    else:
        left = exit_code(replace(result, findings=remaining(result, fixes)), settings.fail_on)
        out.exit_code = _final_exit(out, options, left)
    return out


def watch(options: CheckOptions, progress: Progress | None = None,
          stop: threading.Event | None = None) -> Iterator[Outcome | UsageError]:
    """`check --watch`: a check now, then one after each batch of changes to the checked files
    or their configuration, until `stop` is set. A bad configuration met on the way is yielded,
    not raised: the next save may repair it."""
    from taskleak.files.watch import Watch, WatchUnavailable

    def one() -> Outcome | UsageError:
        try:
            return check(options, progress)
        except UsageError as exc:
            return exc

    try:
        changes = Watch(options.targets, stop=stop)  # listening before the first check
        yield one()
        for _ in changes:
            yield one()
    except WatchUnavailable as exc:
        raise UsageError(str(exc)) from None


# --- stdin ---------------------------------------------------------------------------------


def _stdin_display(options: RunOptions) -> str:
    return relative_path(options.stdin_filename) if options.stdin_filename else "-"


def _stdin_excluded(options: RunOptions, settings: Settings) -> bool:
    name = options.stdin_filename
    return settings.force_exclude and name is not None and is_excluded(name, settings)


def _check_stdin(options: RunOptions, settings: Settings) -> Outcome:
    """Check the source given on stdin as if it were the file `stdin_filename`."""
    from taskleak.files.source import SourceError, checked
    from taskleak.model import Skipped
    from taskleak.run.prefilter import prefilter_for

    assert options.stdin is not None
    display = _stdin_display(options)
    if _stdin_excluded(options, settings):
        return Outcome(settings, RunResult([], [], 0, 0))
    try:
        data = checked(options.stdin)
    except SourceError as exc:
        facts = FileFacts(display, skipped=Skipped(display, exc.reason, exc.line))
    else:
        facts = FileFacts(display)
        if prefilter_for(tuple(settings.spawners)).may_spawn(data):
            from taskleak.run.pipeline import analyse_file

            facts = analyse_file(data, display, tuple(settings.spawners))
    result = join([facts], 1, settings.rule_enabled)
    result, _ = apply_suppressions(result, settings, unused_in=[display],
                                   sources={display: options.stdin})
    out = Outcome(settings, result)
    out.exit_code = _final_exit(out, options, exit_code(result, settings.fail_on))
    return out


def _fix_stdin(options: RunOptions, settings: Settings, diff: bool) -> Outcome:
    """Fix the source given on stdin: `stdin_output` is the fixed source (or, with `diff`, the
    diff); `result` holds the findings left. The source is never written anywhere."""
    from taskleak.files.source import decode
    from taskleak.fixer.apply import FileFix, fix_source, unified_diff
    from taskleak.fixer.files import FixRun, remaining
    from taskleak.fixes.policy import FixPolicy

    out = _check_stdin(options, settings)
    data = options.stdin
    assert data is not None
    display = _stdin_display(options)
    policy = FixPolicy(settings)
    targets = {(f.line, f.column, f.rule) for f in out.result.findings if policy.attempts(f)}
    run = FixRun(wrote=not diff)
    if targets and not out.result.skipped:
        source = fix_source(data, spawners=tuple(settings.spawners), targets=targets,
                            allow_unsafe=policy.allow_unsafe, filename=display,
                            style=policy.style(Path(display)))
        done = FileFix(Path(display), display, source=source, error=source.error,
                       written=not diff and source.changed and source.error is None)
        if diff and source.changed and source.error is None:
            done.diff = unified_diff(display, data, source.fixed, decode(data)[1])
        run.files.append(done)
    fixed = run.files[0].source.fixed if run.changed_files and run.files[0].source else data
    out.fixes = run
    out.stdin_output = run.diff.encode("utf-8") if diff else fixed
    out.result = replace(out.result, findings=remaining(out.result, run))
    if diff:
        out.exit_code = 1 if run.changed_files else 0
    else:
        out.exit_code = _final_exit(out, options, exit_code(out.result, settings.fail_on))
    return out


# --- baseline and runtime report -----------------------------------------------------------


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
        result, matched, fixed = apply_baseline(result, load_baseline(baseline_path), targets)
    except BaselineError as exc:
        raise UsageError(str(exc)) from None
    out.baselined = len(matched)
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


def check_source(code: str | bytes, path: str = "<string>", spawners: Sequence[str] = (),
                 settings: Settings | None = None) -> RunResult:
    """The findings of one module given as text (or bytes), as `check` makes them for a file
    (`path` is only shown), its `# noqa` comments applied: for tools, editors and tests.
    `settings` (default: the defaults) selects the rules; its spawners add to `spawners`."""
    from taskleak.run.pipeline import analyse_file

    settings = settings or Settings()
    data = code.encode("utf-8") if isinstance(code, str) else code
    every = (*spawners, *settings.spawners)
    result = join([analyse_file(data, path, every)], 1, settings.rule_enabled)
    result, _ = apply_suppressions(result, settings, unused_in=[path], sources={path: data})
    return result


__all__ = ["CheckOptions", "FixOptions", "Outcome", "RunOptions", "UsageError", "check",
           "check_source", "exit_code", "files", "fix", "settings_for", "watch"]
