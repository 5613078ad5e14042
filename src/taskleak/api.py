"""taskleak as a library: `check` and `fix` over typed options, a facade over one `Session`
(`taskleak.session`: settings -> source -> facts -> join -> suppressions -> [fix] -> gate).

`check` and `fix` return what happened (findings, fixes, messages for the user, the exit
code); they print nothing. The command line (`cli.py`) parses options, calls them and prints.
A bad option or configuration raises `UsageError` (the command line exits 2). Source given on
stdin (`stdin=`) is checked and fixed as if it were the file `stdin_filename`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from taskleak.files.context import context_root
from taskleak.files.discovery import discover_names
from taskleak.files.paths import relative_path
from taskleak.options import (
    STDIN,
    CheckOptions,
    FixOptions,
    Outcome,
    RunOptions,
    UsageError,
    settings_for,
)
from taskleak.run.progress import NoProgress, Progress
from taskleak.session import Session, SessionError, check_source, gate
from taskleak.settings import Settings
from taskleak.suppress.noqa import INVALID_NOQA

if TYPE_CHECKING:
    import threading

NO_FILES = "warning: No Python files found under the given path(s)"


def _session(options: RunOptions, settings: Settings, progress: Progress | None) -> Session:
    return Session(options.source, settings, jobs=options.jobs,
                   cache_dir=options.cache_in(settings), progress=progress or NoProgress(),
                   project_context=options.project_context)


def files(options: RunOptions) -> list[str]:
    """The files a session would check, as reports show them (`--show-files`)."""
    settings = settings_for(options)
    if options.stdin is not None:
        session = _session(options, settings, None)
        return [] if session.excluded() else [session.source.display]
    return [relative_path(f) for f in discover_names(options.targets, settings)]


def _analysed(session: Session, *, replay: bool = False) -> Outcome:
    try:
        result = session.analyse(replay=replay)
    except SessionError as exc:
        raise UsageError(str(exc)) from None
    out = Outcome(session.settings, result, stats=session.stats)
    if session.source.buffer is None and not session.stats.files:
        out.warnings.append(NO_FILES)  # ruff's words; the report still says all passed
    if session.stats.cache_error:
        out.warnings.append(f"taskleak: warning: {session.stats.cache_error}")
    out.warnings += [f"warning: Invalid `# noqa` directive on {path}:{line}: {INVALID_NOQA}"
                     for path, line in session.invalid_noqa]
    return out


def check(options: CheckOptions, progress: Progress | None = None) -> Outcome:
    """`taskleak check`: the findings under the options' paths, after suppressions."""
    settings = settings_for(options)
    if options.stdin is not None and options.add_noqa:
        raise UsageError("--add-noqa cannot be used with stdin (the path `-`)")
    session = _session(options, settings, progress)
    # a check that fixes nothing may replay the last one's result (run/replay.py)
    out = _analysed(session, replay=not (options.apply_fixes or options.diff))
    if options.add_noqa:
        from taskleak.suppress.add_noqa import add_noqa

        out.noqa_added = add_noqa(out.result.findings)
        out.exit_code = 2 if any(s.internal for s in out.result.skipped) else 0
        return out
    if options.apply_fixes or options.diff:
        _fixed(session, out, options, options.diff, recheck=True)
        if options.diff or options.stdin is not None:
            return out
    if options.stdin is None:
        try:
            baseline = options.write_baseline or settings.baseline
            if baseline is not None:
                messages, out.baselined = session.apply_baseline(baseline,
                                                                 options.write_baseline)
                out.messages += messages
            if options.runtime_report is not None:
                out.messages += session.confirm_at_runtime(options.runtime_report)
        except SessionError as exc:
            raise UsageError(str(exc)) from None
        out.result = session.result
    out.exit_code = options.final_exit(gate(out.result, settings.fail_on), out.fixed)
    return out


def fix(options: FixOptions, progress: Progress | None = None) -> Outcome:
    """`taskleak fix`: fix the findings under the options' paths (safe fixes unless allowed)."""
    session = _session(options, settings_for(options), progress)
    return _fixed(session, _analysed(session), options, options.diff, recheck=False)


def _fixed(session: Session, out: Outcome, options: RunOptions, diff: bool,
           recheck: bool) -> Outcome:
    """Fix what the session found, as the fix policy allows; `recheck` (`check --fix`): the
    written files are checked again, else (`fix`) the fixed findings are left out; gate what
    is left."""
    from taskleak.fixes.policy import FixPolicy

    before = out.result
    out.fixes = session.fix(FixPolicy(session.settings), write=not diff, recheck=recheck)
    left = session.result
    # on files, `fix` and `--diff` report the findings they started from; on stdin, those left
    files_kept = options.stdin is None and (diff or not recheck)
    out.result = before if files_kept else left
    if options.stdin is not None:
        out.stdin_output = out.fixes.diff.encode("utf-8") if diff else session.fixed_buffer()
    if diff:
        internal = options.stdin is None and not recheck and \
            any(s.internal for s in before.skipped)
        out.exit_code = 2 if internal else 1 if out.fixes.changed_files else 0
    else:
        out.exit_code = options.final_exit(gate(left, session.settings.fail_on), out.fixed)
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
        changes = Watch(_watched(options), stop=stop)  # listening before the first check
        yield one()
        for _ in changes:
            yield one()
    except WatchUnavailable as exc:
        raise UsageError(str(exc)) from None


def _watched(options: CheckOptions) -> list[Path]:
    """The checked paths, and the project folder that gives them context: a change anywhere
    in it may change their rows."""
    try:
        settings = settings_for(options)
    except UsageError:  # the first check reports it; the paths are watched for its repair
        return options.targets
    root = context_root(options.targets, settings) if options.project_context else None
    return [*options.targets, root] if root is not None else options.targets


__all__ = ["STDIN", "CheckOptions", "FixOptions", "Outcome", "RunOptions", "UsageError", "check",
           "check_source", "files", "fix", "gate", "settings_for", "watch"]
