"""What fixing did, in words for stderr: counts first, then each finding left and why."""

from __future__ import annotations

from collections import Counter

from taskleak.fixes.files import FixRun


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary_lines(run: FixRun) -> list[str]:
    """What happened, for stderr: counts first, then each finding left and why."""
    lines: list[str] = []
    applied = run.applied
    files = {path for path, _ in applied}
    kinds = Counter(a.kind for _, a in applied)
    verb = "Fixed" if run.wrote else "Would fix"
    detail = ", ".join(f"{kind} {n}" for kind, n in sorted((k.value, n) for k, n in
                                                        kinds.items()))
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
