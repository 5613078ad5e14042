"""`--output-format concise`: one line per finding, as ruff's concise output, then the summary.

    pkg/app.py:12:5: CODE [*] task send() is discarded; ...

Green (low) rows are left out unless `--show-low`: they need nothing. A skipped file is a line
too (`path:line:col: skipped: reason`), so an editor's problem matcher sees it.
"""

from __future__ import annotations

from taskleak.model import Finding, RunResult
from taskleak.report.summary import closing_lines, needs_attention, rule_mark
from taskleak.settings import Settings


def concise_lines(result: RunResult, settings: Settings | None, *,
                  show_low: bool = False) -> list[str]:
    lines = [
        f"{f.path}:{f.line}:{f.column}: {rule_mark(f, settings)} {f.message}"
        for f in sorted(result.findings, key=Finding.sort_key)
        if show_low or needs_attention(f)
    ]
    lines += [f"{s.where}: skipped: {s.reason}" for s in result.skipped]
    return lines


def render_concise(result: RunResult, settings: Settings | None = None, *,
                   show_low: bool | None = None, quiet: bool = False,
                   baselined: int = 0) -> str:
    lines = concise_lines(result, settings, show_low=bool(show_low))
    if not quiet:
        low_hidden = 0 if show_low else sum(not needs_attention(f) for f in result.findings)
        lines += closing_lines(result, settings, baselined=baselined, low_hidden=low_hidden)
    return "".join(line + "\n" for line in lines)
