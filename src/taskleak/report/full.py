"""`--output-format full` (the default), as ruff's: every finding's first line is
`path:line:col: CODE [*] risk: claim` at any width, in a terminal, a pipe or a file; below it, the
task's context, indented:

    pkg/app.py:12:5: CODE [*] high: task send() is discarded
      task send() · tracked: discarded · cleaned: none · risk: high
      - spawned once per loop iteration              (what shows the claim, one line each)
      fix (safe): keep the task in a set ...        (with --show-fixes)
    CODE: why findings of this kind matter ...     (once per run, each distinct reason)

Tracked spawns (low risk) are not findings: a library whose spawns are all tracked prints one
line, `All checks passed!`, and how many spawns were seen. The inventory of every spawn, green
rows too, is `--output-format table` (or `markdown`).
"""

from __future__ import annotations

import re

from rich.console import Console
from rich.text import Text

from taskleak.files.printable import printable
from taskleak.model import Finding, RunResult
from taskleak.report.summary import (
    CONFIRMED,
    closing_lines,
    fix_text,
    is_spawn,
    needs_attention,
    rule_mark,
    suppressed_lines,
    unreported_skips,
    why_lines,
)
from taskleak.settings import Settings

LOCATION = re.compile(r"^\S+?:\d+:\d+:")  # a finding's (or a skipped file's) first words
INVENTORY_HINT = "`--output-format table` lists them"


def findings_of(result: RunResult) -> list[Finding]:
    """What a linter format reports: every finding but the tracked (low) spawns, sorted."""
    return sorted((f for f in result.findings if needs_attention(f)), key=Finding.sort_key)


def first_line(f: Finding, settings: Settings | None) -> str:
    """The header: where, the rule, a spawn's risk and the claim (`x.py:3:5: CODE [*] high:
    task send() is discarded`); what shows the claim is in the context lines. A finding on a
    file or a comment (not analysed, an unused `# noqa`) has no risk of its own to show."""
    return f"{printable(f.path)}:{f.line}:{f.column}: {rule_mark(f, settings)} {claim(f)}"


def claim(f: Finding) -> str:
    """The first line's words after the code: a spawn's risk and the claim (`high: task send()
    is discarded`); the claim alone for a finding on a file or a comment."""
    return f"{f.risk.value}: {f.message}" if is_spawn(f) else f.message


def evidence_lines(f: Finding, indent: str = "  ") -> list[str]:
    """What shows the finding's claim, one line each: `  - spawned once per loop iteration`."""
    return [f"{indent}- {printable(item)}" for item in f.evidence]


def context_lines(f: Finding, show_fixes: bool) -> list[str]:
    lines = []
    if is_spawn(f):
        where = f"task {f.coroutine or '?'} · tracked: {f.tracked} · cleaned: {f.cleaned}"
        risk = f"risk: {f.risk.value}" + (f" {CONFIRMED}" if f.confirmed else "")
        lines.append(f"  {where} · {risk}")
    lines += evidence_lines(f)
    if show_fixes and f.fix is not None:
        lines.append(f"  {fix_text(f)}")
    return lines


def skipped_lines(result: RunResult) -> list[str]:
    """`path: skipped: reason` for each skipped file no finding reports (a file-not-analysed
    finding says it already)."""
    return [f"{printable(s.where)}: skipped: {printable(s.reason)}"
            for s in unreported_skips(result)]


def full_lines(result: RunResult, settings: Settings | None, *, show_fixes: bool = False,
               quiet: bool = False, baselined: int = 0) -> list[str]:
    lines: list[str] = []
    findings = findings_of(result)
    for f in findings:
        lines.append(first_line(f, settings))
        lines += context_lines(f, show_fixes)
    lines += skipped_lines(result)
    if not quiet:
        lines += why_lines(findings)
        lines += ending(result, settings, bool(findings), baselined)
    return lines


def ending(result: RunResult, settings: Settings | None, found: bool,
           baselined: int) -> list[str]:
    """ruff's `All checks passed!` on good code (no finding, no file skipped), else the summary
    lines."""
    if found or result.skipped:
        return closing_lines(result, settings, baselined=baselined)
    spawns = sum(is_spawn(f) for f in result.findings)
    seen = (f" ({spawns} task spawn{'' if spawns == 1 else 's'}, all tracked: {INVENTORY_HINT})"
            if spawns else "")
    lines = [f"All checks passed!{seen}", *suppressed_lines(result)]
    if baselined:
        lines.append(f"{baselined} finding{'' if baselined == 1 else 's'} in the baseline "
                     "not shown.")
    return lines


def render_full(result: RunResult, console: Console, settings: Settings | None = None, *,
                show_fixes: bool = False, quiet: bool = False, baselined: int = 0) -> None:
    """Print on `console`: colours in a terminal, never wrapped by us (soft wrap)."""
    for line in full_lines(result, settings, show_fixes=show_fixes, quiet=quiet,
                           baselined=baselined):
        text = Text(line)
        if line.startswith("  "):
            text.stylize("dim")
        elif (where := LOCATION.match(line)) is not None:
            text.stylize("bold", 0, where.end())
        console.print(text, soft_wrap=True, highlight=False)
