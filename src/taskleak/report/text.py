"""The default report: the seeds' scan table (file:line, task, tracked, cleaned, risk)."""

from __future__ import annotations

from collections import defaultdict

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from taskleak.model import Finding, Risk, RunResult

RISK_LABEL = {Risk.HIGH: "● high", Risk.MEDIUM: "● medium", Risk.LOW: "● low"}


def ordered(findings: list[Finding]) -> list[Finding]:
    """Grouped by file, the files with the worst risk first; high rows first in each file."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        by_file[f.path].append(f)
    files = sorted(by_file, key=lambda p: (-max(f.risk.rank for f in by_file[p]), p))
    out: list[Finding] = []
    for p in files:
        out.extend(sorted(by_file[p], key=lambda f: (-f.risk.rank, f.line, f.column)))
    return out


def summary_line(result: RunResult) -> str:
    c = result.counts()
    files = len({f.path for f in result.findings})
    return (
        f"{len(result.findings)} task spawns in {files} files: {c['high']} high, "
        f"{c['medium']} medium, {c['low']} low. Scanned {result.files_scanned} files, "
        f"parsed {result.files_parsed}, skipped {len(result.skipped)}."
    )


def render_text(result: RunResult, console: Console, *, show_low: bool = True) -> None:
    rows = [f for f in ordered(result.findings) if show_low or f.risk is not Risk.LOW]
    plain = not console.is_terminal
    if plain:
        # a pipe or a log: never wrap, so every row stays one greppable line
        console = Console(file=console.file, width=100_000, no_color=True, highlight=False)
    if rows:
        table = Table(box=box.ASCII if plain else box.ROUNDED, header_style="bold",
                      expand=False)
        for name in ("file:line", "task", "tracked", "cleaned", "risk", "rule"):
            table.add_column(name, no_wrap=plain or name in ("file:line", "risk", "rule"))
        previous = None
        for f in rows:
            if previous is not None and previous != f.path:
                table.add_section()
            previous = f.path
            risk = Text(RISK_LABEL[f.risk], style=f"bold {f.risk.colour}")
            if f.confirmed:
                risk.append(" (confirmed at runtime)", style="bold")
            table.add_row(f"{f.path}:{f.line}", f.coroutine, f.tracked, f.cleaned, risk, f.rule)
        console.print(table)
        # the reasons, ruff-style, for what needs attention
        for f in rows:
            if f.risk is Risk.LOW:
                continue
            line = Text(f"{f.path}:{f.line}:{f.column}: ", style="bold")
            line.append(f.rule, style=f"bold {f.risk.colour}")
            line.append(f" {f.message}")
            console.print(line, soft_wrap=plain)
    for s in result.skipped:
        where = f"{s.path}:{s.line}" if s.line else s.path
        console.print(Text(f"skipped {where}: {s.reason}", style="yellow"), soft_wrap=plain)
    console.print(summary_line(result), highlight=False, soft_wrap=plain)
