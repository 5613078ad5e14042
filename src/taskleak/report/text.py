"""`--output-format table`: the inventory of every spawn, tracked ones too (file:line, task,
tracked, cleaned, risk, rule), the reasons ruff-style (`path:line:col: RULE [*] message`),
and the summary.

- In a pipe or a file the table is plain ASCII and never wraps: one greppable line per row,
  and no reason line after it repeats a row (`concise` gives each claim on one line) unless
  `--show-fixes` asks for the fixes under them.
- In a terminal, the table when it fits with every text column at least as wide as its longest
  word (the long columns wrap); in a narrower one (80 columns, or 120 with long paths) each file
  gets a heading and each finding a block whose text wraps in its own column, so no column is
  ever squeezed to nothing.
- The rows that need attention come first; the green (low) rows follow, and on a big run (more
  than `LOW_ROWS_LISTED`) they are counted instead of listed (`--show-low` lists them).
- A path that is not valid UTF-8 is shown `printable` (`caf\xe9.py`) before rich measures it,
  so the columns still line up.
"""

from __future__ import annotations

from collections import defaultdict

from rich import box
from rich.console import Console, Group
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from taskleak.files.printable import printable
from taskleak.model import Finding, Risk, RunResult
from taskleak.records import record
from taskleak.report.full import claim, evidence_lines
from taskleak.report.summary import (
    CONFIRMED,
    closing_lines,
    fix_text,
    is_spawn,
    needs_attention,
    rule_mark,
    unreported_skips,
    why_lines,
)
from taskleak.settings import Settings

RISK_LABEL = {Risk.HIGH: "● high", Risk.MEDIUM: "● medium", Risk.LOW: "● low"}
LOW_ROWS_LISTED = 20  # more green rows than this are counted, not listed (unless --show-low)
COLUMNS = ("file:line", "task", "tracked", "cleaned", "risk", "rule")
WRAPPING = {"task": 16, "tracked": 16, "cleaned": 20}  # narrowest a wrapping column gets


@record(frozen=True)
class TextOptions:
    show_low: bool | None = None  # None: list the low rows when there are few of them
    show_fixes: bool = False  # each finding's fix under its reason
    quiet: bool = False  # the findings only: no summary lines
    baselined: int = 0  # findings the baseline holds, for the summary


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


def split_rows(result: RunResult, show_low: bool | None) -> tuple[list[Finding], int]:
    """The table's rows (what needs attention first, then the green rows when listed) and
    how many green rows are left out."""
    spawns = [f for f in result.findings if is_spawn(f)]
    actionable = ordered([f for f in spawns if needs_attention(f)])
    low = ordered([f for f in spawns if not needs_attention(f)])
    listed = show_low if show_low is not None else len(low) <= LOW_ROWS_LISTED
    return (actionable + low, 0) if listed else (actionable, len(low))


def render_text(result: RunResult, console: Console, settings: Settings | None = None,
                options: TextOptions | None = None) -> None:
    options = options or TextOptions()
    plain = not console.is_terminal
    if plain:
        # a pipe or a log: never wrap, so every row stays one greppable line
        console = Console(file=console.file, width=100_000, no_color=True, highlight=False)
    rows, low_hidden = split_rows(result, options.show_low)
    reasons = ordered([f for f in result.findings if needs_attention(f) or not is_spawn(f)])
    dot = not plain and _encodes(console, RISK_LABEL[Risk.HIGH])  # plain ASCII in a pipe
    if rows:
        table = _table(rows, settings, plain, dot)
        if plain and not options.show_fixes:  # each row is a greppable line already
            console.print(table)
            _print_reasons(console, [f for f in reasons if not is_spawn(f)], settings,
                           options.show_fixes, plain)
        elif _min_width(console, table) <= console.width:
            console.print(table)
            _print_reasons(console, reasons, settings, options.show_fixes, plain)
        else:
            console.print(_blocks(rows, settings, options.show_fixes, dot))
            console.print()
            _print_reasons(console, [f for f in reasons if not is_spawn(f)], settings,
                           options.show_fixes, plain)
    else:
        _print_reasons(console, reasons, settings, options.show_fixes, plain)
    for s in unreported_skips(result):
        console.print(Text(printable(f"skipped {s.where}: {s.reason}"), style="yellow"),
                      soft_wrap=plain)
    if not options.quiet:
        for line in why_lines(reasons):
            console.print(Text(line), soft_wrap=plain)
        for line in closing_lines(result, settings, baselined=options.baselined,
                                  low_hidden=low_hidden):
            console.print(Text(line), soft_wrap=plain)


def _min_width(console: Console, table: Table) -> int:
    """The narrowest the table gets without breaking a word or cutting a column."""
    return Measurement.get(console, console.options.update_width(10**6), table).minimum


def _encodes(console: Console, text: str) -> bool:
    """Whether the console's encoding has `text` (not an ASCII one: its escape is 6 columns)."""
    try:
        text.encode(console.encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _risk(f: Finding, dot: bool = True) -> Text:
    risk = Text(RISK_LABEL[f.risk] if dot else f.risk.value, style=f"bold {f.risk.colour}")
    if f.confirmed:
        risk.append(f" {CONFIRMED}", style="bold")
    return risk


def _table(rows: list[Finding], settings: Settings | None, plain: bool, dot: bool) -> Table:
    table = Table(box=box.ASCII if plain else box.ROUNDED, header_style="bold", expand=False)
    cells = [(f"{printable(f.path)}:{f.line}", f.coroutine, f.tracked, f.cleaned, _risk(f, dot),
              rule_mark(f, settings)) for f in rows]
    for i, name in enumerate(COLUMNS):
        if plain or name not in WRAPPING:
            table.add_column(name, no_wrap=True)
        else:  # wraps at spaces when the terminal is narrow, never below its longest word
            longest = max(len(str(row[i])) for row in cells)
            table.add_column(name, min_width=min(longest, WRAPPING[name]))
    previous: tuple[str, bool] | None = None
    for f, row in zip(rows, cells, strict=True):
        group = (f.path, needs_attention(f))
        if previous is not None and previous != group:
            table.add_section()
        previous = group
        table.add_row(*row)
    return table


def _blocks(rows: list[Finding], settings: Settings | None, show_fixes: bool,
            dot: bool) -> Group:
    """Per file a heading, per finding `line:col  ● risk  RULE [*]  task` with what keeps and
    ends the task (and, when it needs attention, why) wrapped below the task."""
    loc = max(len(f"{f.line}:{f.column}") for f in rows)
    risk = max(len(_risk(f, dot)) for f in rows)
    rule = max(len(rule_mark(f, settings)) for f in rows)
    parts: list[Table | Text] = []
    previous: tuple[str, bool] | None = None
    for f in rows:
        if (f.path, needs_attention(f)) != previous:
            if previous is not None:
                parts.append(Text(""))
            if previous is not None and previous[1] and not needs_attention(f):
                parts += [Text("tracked spawns (low): nothing to do", style="dim"), Text("")]
            parts.append(Text(printable(f.path), style="bold underline"))
            grid = Table.grid(padding=(0, 1), pad_edge=True)
            grid.add_column(justify="right", no_wrap=True, min_width=loc + 1)
            grid.add_column(no_wrap=True, min_width=risk)
            grid.add_column(no_wrap=True, min_width=rule)
            grid.add_column(ratio=1, overflow="fold")
            parts.append(grid)
            previous = (f.path, needs_attention(f))
        content = Text(f.coroutine or "?", style="bold")
        content.append(f"\ntracked: {f.tracked} · cleaned: {f.cleaned}", style="dim")
        if needs_attention(f):
            content.append(f"\n{f.message}")
            for line in evidence_lines(f, ""):
                content.append(f"\n{line}", style="dim")
        if show_fixes and f.fix is not None:
            content.append(f"\n{fix_text(f)}", style="cyan")
        grid.add_row(f"{f.line}:{f.column}", _risk(f, dot), rule_mark(f, settings), content)
    return Group(*parts)


def _print_reasons(console: Console, findings: list[Finding], settings: Settings | None,
                   show_fixes: bool, plain: bool) -> None:
    for f in findings:
        line = Text(f"{printable(f.path)}:{f.line}:{f.column}: ", style="bold")
        line.append(rule_mark(f, settings), style=f"bold {f.risk.colour}")
        line.append(f" {claim(f)}")
        console.print(line, soft_wrap=plain)
        for evidence in evidence_lines(f, "    ") if show_fixes else ():
            console.print(Text(evidence, style="dim"), soft_wrap=plain)
        if show_fixes and f.fix is not None:
            console.print(Text(f"    {fix_text(f)}", style="cyan"), soft_wrap=plain)
