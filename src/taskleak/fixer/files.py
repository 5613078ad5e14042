"""Fixing the files of a run's findings (`taskleak fix`, `check --fix`, `--diff`).

The run's findings (after `# noqa`, `--select`/`--ignore`) say what to fix; each file is then read
again and fixed on its own (`apply.fix_file`), so a file edited in between is re-analysed, and a
file that changes while it is being fixed is left alone. Low findings are never touched.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field
from pathlib import Path

from taskleak.advice.returned import NOT_ATTEMPTED
from taskleak.files.toml import TomlReads
from taskleak.fixer.apply import AppliedFix, FileFix, NotFixed, TargetKey, fix_file, write_fix
from taskleak.fixer.helper_module import write_helper_module
from taskleak.fixes.comments import CommentEdit
from taskleak.fixes.policy import FixPolicy, FixStyle
from taskleak.model import Finding, RunResult
from taskleak.records import record


@record
class FixRun:
    """What fixing the files of a run did (or, with --diff, would do)."""

    files: list[FileFix] = field(default_factory=list)
    wrote: bool = False  # files were written (not a --diff run)
    # the packages' keep-helper modules the fixes import, written (or, with --diff, to write)
    created: list[FileFix] = field(default_factory=list)

    @property
    def applied(self) -> list[tuple[str, AppliedFix]]:
        return [(f.display, a) for f in self.files if f.source is not None and f.error is None
                for a in f.source.applied]

    @property
    def not_fixed(self) -> list[tuple[str, NotFixed]]:
        return [(f.display, n) for f in self.files if f.source is not None
                for n in f.source.not_fixed]

    @property
    def errors(self) -> list[tuple[str, str]]:
        return [(f.display, f.error) for f in self.files if f.error is not None]

    @property
    def changed_files(self) -> list[FileFix]:
        return [f for f in self.files if f.error is None and f.source is not None
                and f.source.changed]

    @property
    def diff(self) -> str:
        return "".join(f.diff for f in [*self.created, *self.files])

    def fixed_keys(self) -> set[tuple[str, int, int, str]]:
        return {(path, a.line, a.column, a.rule) for path, a in self.applied}


def targets_by_file(result: RunResult) -> dict[str, set[TargetKey]]:
    out: dict[str, set[TargetKey]] = {}
    for f in result.findings:
        # the join knows what the calling file alone does not: its callee returns a list
        if FixPolicy.attempts(f) and f.no_fix_reason not in NOT_ATTEMPTED:
            out.setdefault(f.path, set()).add((f.line, f.column, f.rule))
    return out


def run_fixes(result: RunResult, policy: FixPolicy, *, write: bool,
              comments: Mapping[str, Sequence[CommentEdit]] | None = None) -> FixRun:
    """Fix every finding of `result` the policy attempts, as it allows and writes them, and
    make the `comments` edits (display path -> an unused `# noqa`'s fixes); with write=False,
    only compute the diffs."""
    run = FixRun(wrote=write)
    comments = comments or {}
    spawners = policy.settings.spawners
    created: dict[Path, FileFix] = {}  # keep-helper modules written (or to write) by path
    configs = TomlReads()  # the configuration files the styles read: each once in the run
    for display, targets in sorted(targets_by_file(result).items()):
        path = Path(display)
        try:
            style = policy.style(path, can_create=True, load=configs.load)
            # a file that may import a keep-helper module not written yet waits for it
            done = fix_file(path, display, spawners=spawners, targets=targets,
                            allow_unsafe=policy.allow_unsafe,
                            write=write and style.creates is None, want_diff=not write,
                            style=style, comments=comments.get(display, ()))
            if style.creates is not None:
                _with_helper_module(done, style, created, write=write)
        except Exception as exc:  # a bug of ours in one file must not leave the rest unfixed
            done = FileFix(Path(display), display,
                           error=f"internal error: {type(exc).__name__}: {exc}")
        run.files.append(done)
    run.created = [created[path] for path in sorted(created)]
    return run


def _with_helper_module(done: FileFix, style: FixStyle, created: dict[Path, FileFix], *,
                        write: bool) -> None:
    """Write the keep-helper module the fixed file imports (once), then the file; a file whose
    module could not be written is not written either (it would import nothing)."""
    source = done.source
    if source is None or done.error is not None or not source.changed:
        return
    module = None
    if source.package_helper:
        assert style.creates is not None
        module = created.get(style.creates)
        if module is None:
            module = created[style.creates] = write_helper_module(style.creates, style,
                                                                  write=write)
    if not write:
        return
    if module is not None and module.error is not None:
        done.error = f"not written: its keep-helper module {module.display} could not be " \
                     f"({module.error})"
        return
    write_fix(done)


def remaining(result: RunResult, run: FixRun) -> list[Finding]:
    """The run's findings that were not fixed."""
    done = run.fixed_keys()
    return [f for f in result.findings if (f.path, f.line, f.column, f.rule) not in done]
