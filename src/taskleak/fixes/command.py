"""`taskleak fix`, `check --fix` and `--diff` over the findings of a check run.

The run's findings (after `# noqa`, `--select`/`--ignore`) say what to fix; each file is then read
again and fixed on its own (`apply.fix_file`), so a file edited in between is re-analysed, and a
file that changes while it is being fixed is left alone. Low findings are never touched.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from taskleak.fixes.apply import AppliedFix, FileFix, NotFixed, TargetKey, fix_file
from taskleak.model import Finding, Risk, RunResult
from taskleak.settings import Settings


@dataclass
class FixRun:
    """What fixing the files of a run did (or, with --diff, would do)."""

    files: list[FileFix] = field(default_factory=list)
    wrote: bool = False  # files were written (not a --diff run)

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
        return "".join(f.diff for f in self.files)

    def fixed_keys(self) -> set[tuple[str, int, int, str]]:
        return {(path, a.line, a.column, a.rule) for path, a in self.applied}


def fixable(finding: Finding) -> bool:
    return finding.risk is not Risk.LOW and not finding.tracked.startswith("structured")


def targets_by_file(result: RunResult) -> dict[str, set[TargetKey]]:
    out: dict[str, set[TargetKey]] = {}
    for f in result.findings:
        if fixable(f):
            out.setdefault(f.path, set()).add((f.line, f.column, f.rule))
    return out


def run_fixes(result: RunResult, settings: Settings, *, write: bool) -> FixRun:
    """Fix every fixable finding of `result`; with write=False, only compute the diffs."""

    def allow_unsafe(rule: str) -> bool:
        return settings.unsafe_fixes or rule in settings.unsafe_fix_rules

    run = FixRun(wrote=write)
    for display, targets in sorted(targets_by_file(result).items()):
        run.files.append(fix_file(Path(display), display, spawners=settings.spawners,
                                  targets=targets, allow_unsafe=allow_unsafe, write=write,
                                  want_diff=not write))
    return run


def remaining(result: RunResult, run: FixRun) -> list[Finding]:
    """The run's findings that were not fixed."""
    done = run.fixed_keys()
    return [f for f in result.findings if (f.path, f.line, f.column, f.rule) not in done]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_lines(run: FixRun) -> list[str]:
    """What happened, for stderr: counts first, then each finding left and why."""
    lines: list[str] = []
    applied = run.applied
    files = {path for path, _ in applied}
    kinds = Counter(a.kind for _, a in applied)
    verb = "Fixed" if run.wrote else "Would fix"
    detail = ", ".join(f"{kind} {n}" for kind, n in sorted(kinds.items()))
    if applied:
        lines.append(f"{verb} {_plural(len(applied), 'finding')} in "
                     f"{_plural(len(files), 'file')} ({detail}).")
    else:
        lines.append("Nothing to fix." if not run.not_fixed and not run.errors
                     else "No fix applied.")
    left = run.not_fixed
    if left:
        lines.append(f"{_plural(len(left), 'finding')} not fixed:")
        for path, n in left:
            lines.append(f"  {path}:{n.line}:{n.column}: {n.rule} {n.reason}")
    for path, error in run.errors:
        lines.append(f"  {path}: not fixed: {error}")
    return lines
