"""The "suppress with `# noqa: CODE`" edit for a finding, made on the buffer's text.

The directive goes on the spawn's line (or, when a comment cannot end that line, on the first
line of its statement: both count, see `suppress.noqa`). A line with a `# noqa: A, B` directive
gets the code added to it; a line with a bare `# noqa` already suppresses everything. The edit is
kept only when the buffer, edited, holds a real directive covering the code on that line.
"""

from __future__ import annotations

import re

from taskleak.model import Finding
from taskleak.records import record
from taskleak.suppress.noqa import noqa_directives

_CODED = re.compile(r"#\s*(?i:noqa)\s*:\s*[A-Za-z]+[0-9]+(?:[,\s]+[A-Za-z]+[0-9]+)*")


@record(frozen=True)
class LineEdit:
    """Replace characters `start`..`end` of 0-based `line` by `text`."""

    line: int
    start: int
    end: int
    text: str


def noqa_edit(finding: Finding, lines: list[str]) -> LineEdit | None:
    """The edit that suppresses `finding`, or None when its lines cannot hold one."""
    candidates = [finding.line]
    if finding.statement_line and finding.statement_line != finding.line:
        candidates.append(finding.statement_line)
    for number in candidates:
        edit = _edit_on(number, finding.rule, lines)
        if edit is not None and _covers(edit, number, finding.rule, lines):
            return edit
    return None


def _edit_on(number: int, code: str, lines: list[str]) -> LineEdit | None:
    index = number - 1
    if not 0 <= index < len(lines):
        return None
    line = lines[index]
    existing = noqa_directives(lines, near={number}).get(number)
    if existing is not None:
        if existing.codes is None or code in existing.codes:
            return None  # suppressed already
        at = existing.column - 1
        match = _CODED.match(line, at)
        end = match.end() if match is not None else len(line)
        return LineEdit(index, at, end, f"# noqa: {', '.join((*existing.codes, code))}")
    body = line.rstrip()
    return LineEdit(index, len(body), len(line), f"  # noqa: {code}")


def _covers(edit: LineEdit, number: int, code: str, lines: list[str]) -> bool:
    edited = list(lines)
    line = edited[edit.line]
    edited[edit.line] = line[:edit.start] + edit.text + line[edit.end:]
    directive = noqa_directives(edited, near={number}).get(number)
    return directive is not None and directive.covers(code)
