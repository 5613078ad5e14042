"""The fix of an unused `# noqa` directive (the unused-noqa rule), as ruff fixes its RUF100:

- some codes are still in use: the unused and unknown ones go, the rest stay, written
  `# noqa: A, B`, with whatever followed the codes (a reason, another comment);
- none is (or a bare `# noqa`): the directive goes, with the text after it up to the end of the
  line (a reason), and the spaces before it; a comment that follows it (`# noqa: X  # ok`)
  stays; a line left with nothing on it is deleted.

Only a comment changes, so the fix is safe. It is plain text (the fixer applies it:
`taskleak.fixes.comments`).
"""

from __future__ import annotations

from taskleak.fixes.comments import CommentEdit
from taskleak.model import FixInfo, FixKind
from taskleak.rules.unused_noqa import RULE as UNUSED_NOQA
from taskleak.suppress.noqa import UnusedNoqa, split_directive

WHOLE = "remove the unused `noqa` directive"


def noqa_removal(unused: UnusedNoqa) -> CommentEdit | None:
    """The edit that removes what the directive holds in vain; None when its line was not read
    (or no longer holds the directive)."""
    line, start = unused.source_line, unused.column - 1
    parts = split_directive(line[start:]) if 0 <= start < len(line) else None
    if parts is None:
        return None
    written, rest = parts
    drop = {*unused.unused, *unused.unknown}
    kept = list(dict.fromkeys(c for c in written if c.upper() not in drop))
    new: str | None
    if kept:
        new = f"{line[:start]}# noqa: {', '.join(kept)}{rest}"
        gone = [c for c in dict.fromkeys(c.upper() for c in written) if c in drop]
        description = f"remove {', '.join(gone)} from the `noqa` directive"
    else:
        after = rest.lstrip()
        new = line[:start] + after if after.startswith("#") else line[:start].rstrip()
        new = new if new.strip() else None
        description = WHOLE
    return CommentEdit(unused.line, unused.column, UNUSED_NOQA.code, line, new,
                       FixKind.REMOVE_NOQA, description)


def removal_fix(edit: CommentEdit | None) -> FixInfo | None:
    """What a finding of the rule advertises for the edit (always safe)."""
    return None if edit is None else FixInfo(edit.kind, True, edit.description)
