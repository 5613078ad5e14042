"""`--output-format grouped`: ruff's grouped output, the findings under their file's name.

    pkg/app.py:
       9:5  CODE [*] task send() is discarded
      12:17 CODE self._pump() runs `while True` ...

    pkg/other.py:
      ...

Lines are right-aligned and columns padded as ruff pads them (per file), so the codes line up;
files in path order, a blank line after each. Tracked spawns (low) are not findings and are
left out, as in `concise`; skipped files and the summary follow, as in `concise`.
"""

from __future__ import annotations

from itertools import groupby

from taskleak.files.printable import printable
from taskleak.model import Finding, RunResult
from taskleak.report.full import claim, ending, evidence_lines, findings_of, skipped_lines
from taskleak.report.summary import fix_text, rule_mark
from taskleak.settings import Settings


def _group(findings: list[Finding], settings: Settings | None, show_fixes: bool) -> list[str]:
    """One file's heading, its findings, and the blank line after them."""
    rows = max(len(str(f.line)) for f in findings)
    columns = max(len(str(f.column)) for f in findings)
    lines = [f"{printable(findings[0].path)}:"]
    indent = " " * (rows + columns + 4)  # under the code
    for f in findings:
        lines.append(f"  {f.line:>{rows}}:{f.column:<{columns}} {rule_mark(f, settings)} "
                     f"{claim(f)}")
        lines += evidence_lines(f, indent) if show_fixes else []
        if show_fixes and f.fix is not None:
            lines.append(f"{indent}{fix_text(f)}")
    return [*lines, ""]


def render_grouped(result: RunResult, settings: Settings | None = None, *,
                   show_fixes: bool = False, quiet: bool = False, baselined: int = 0) -> str:
    findings = findings_of(result)  # sorted by path, then position
    lines: list[str] = []
    for _, in_file in groupby(findings, key=lambda f: f.path):
        lines += _group(list(in_file), settings, show_fixes)
    lines += skipped_lines(result)
    if not quiet:
        lines += ending(result, settings, bool(findings), baselined)
    return "".join(line + "\n" for line in lines)
