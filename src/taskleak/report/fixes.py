"""What fixing did, in words for stderr: counts first, then each finding left and why; with
`--show-fixes`, each fix applied, per file (ruff's enumeration)."""

from __future__ import annotations

from collections import Counter

from taskleak.fixer.files import FixRun
from taskleak.report.summary import plural
from taskleak.rules import RULES


def summary_lines(run: FixRun, *, left_too: bool = True) -> list[str]:
    """What happened, for stderr: counts first, then each finding left and why (unless not
    `left_too`: `--fix-only` reports only what was fixed, and the files it could not fix)."""
    lines: list[str] = []
    applied = run.applied
    files = {path for path, _ in applied}
    kinds = Counter(a.kind for _, a in applied)
    verb = "Fixed" if run.wrote else "Would fix"
    detail = ", ".join(f"{kind} {n}" for kind, n in sorted((k.value, n) for k, n in
                                                        kinds.items()))
    left = run.not_fixed
    if applied:
        lines.append(f"{verb} {plural(len(applied), 'finding')} in "
                     f"{plural(len(files), 'file')} ({detail}).")
    elif not run.wrote:  # a dry run (`--diff`): nothing was to be applied
        lines.append("No fixes to apply.")
    elif left or run.errors:
        lines.append("No fixes applied.")
    else:
        lines.append("No fixes applied: nothing to fix.")
    for module in run.created:
        if module.error is None:
            lines.append(f"{'Wrote' if run.wrote else 'Would write'} {module.display}: the "
                         "package's keep_task(), which the fixes import.")
    if left and left_too:
        lines.append(f"{plural(len(left), 'finding')} not fixed:")
        for path, n in left:
            lines.append(f"  {path}:{n.line}:{n.column}: {n.rule} {n.reason}")
    for path, error in run.errors:
        lines.append(f"  {path}: not fixed: {error}")
    return lines


def fixed_lines(run: FixRun) -> list[str]:
    """`--show-fixes`: each file and the fixes applied in it, counted per rule."""
    by_file: dict[str, Counter[str]] = {}
    for path, fix in run.applied:
        by_file.setdefault(path, Counter())[fix.rule] += 1
    if not by_file:
        return []
    verb = "Fixed" if run.wrote else "Would fix"
    lines = [f"{verb}:"]
    for path in sorted(by_file):
        lines.append(f"- {path}:")
        for code, n in sorted(by_file[path].items()):
            name = RULES[code].name if code in RULES else ""
            lines.append(f"    {n} x {code} ({name})")
    return lines
