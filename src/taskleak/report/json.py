"""`--output-format json`: one object, `{"version": 1, "findings": [...], "summary": {...}}`;
`json-lines`: one finding per line (the same rows), then one line per skipped file."""

from __future__ import annotations

from typing import Any

from taskleak.files.printable import json_text
from taskleak.model import RunResult, Skipped
from taskleak.report.summary import needs_attention


def summary(result: RunResult) -> dict[str, Any]:
    """The rows per risk; `findings` leaves the low rows out (tracked spawns are no findings),
    so it is the count every linter format and `--statistics` give."""
    return {
        **result.counts(),
        "findings": sum(needs_attention(f) for f in result.findings),
        "files_scanned": result.files_scanned,
        "files_parsed": result.files_parsed,
        "files_skipped": len(result.skipped),
        "suppressed": result.suppressed,
    }


def skipped_row(s: Skipped) -> dict[str, Any]:
    row: dict[str, Any] = {"path": s.path, "line": s.line, "reason": s.reason}
    if s.column is not None:
        row["column"] = s.column
    return row


def render_json(result: RunResult) -> str:
    doc = {
        "version": 1,
        "findings": [f.to_json() for f in result.findings],
        "summary": summary(result),
        "skipped": [skipped_row(s) for s in result.skipped],
    }
    return json_text(doc, indent=2) + "\n"


def render_json_lines(result: RunResult) -> str:
    """Each finding's row (as in `json`) on its own line; a skipped file is
    `{"path", "line", "column", "skipped": reason}`. No summary line: count the lines."""
    rows = [f.to_json() for f in result.findings]
    rows += [{"path": s.path, "line": s.line, "column": s.column, "skipped": s.reason}
             for s in result.skipped]
    return "".join(json_text(row) + "\n" for row in rows)
