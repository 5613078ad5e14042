"""`--output-format concise`: one line per finding, as ruff's concise output, then the summary.

    pkg/app.py:12:5: CODE [*] high: task send() is discarded

Tracked spawns (low risk) are not findings and are left out (`--output-format table` lists
them); `--show-fixes` puts what shows each finding's claim (its evidence) and its fix on the lines
below it. A file that could not be
analysed is a finding of file-not-analysed (`path:line:col: CODE file not analysed: reason`);
with that rule ignored, a line `path: skipped: reason`.
"""

from __future__ import annotations

from taskleak.model import RunResult
from taskleak.report.full import (
    ending,
    evidence_lines,
    findings_of,
    first_line,
    skipped_lines,
)
from taskleak.report.summary import fix_text
from taskleak.settings import Settings


def concise_lines(result: RunResult, settings: Settings | None, *,
                  show_fixes: bool = False) -> list[str]:
    lines = []
    for f in findings_of(result):
        lines.append(first_line(f, settings))
        if show_fixes:
            lines += evidence_lines(f)
        if show_fixes and f.fix is not None:
            lines.append(f"  {fix_text(f)}")
    return lines + skipped_lines(result)


def render_concise(result: RunResult, settings: Settings | None = None, *,
                   show_fixes: bool = False, quiet: bool = False, baselined: int = 0) -> str:
    lines = concise_lines(result, settings, show_fixes=show_fixes)
    if not quiet:
        lines += ending(result, settings, bool(findings_of(result)), baselined)
    return "".join(line + "\n" for line in lines)
