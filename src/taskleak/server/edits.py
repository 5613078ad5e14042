"""Text edits that turn a buffer into its fixed text: the changed lines only.

A fix touches a few lines (the spawn, a set created in `__init__`, an import); sending only those
keeps the client's cursor, folds and undo history where they were. Edits are whole lines, so no
position ever falls inside a character the client counts differently.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from lsprotocol import types

from taskleak.files.lines import lines_with_ends
from taskleak.server.text import Lines


def text_edits(before: Lines, after: str) -> list[types.TextEdit]:
    """The edits from `before` to the text `after`, in document order, never overlapping."""
    old = before.with_ends
    new = lines_with_ends(after)
    edits: list[types.TextEdit] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        edits.append(types.TextEdit(
            range=types.Range(start=before.line_start(i1), end=before.line_start(i2)),
            new_text="".join(new[j1:j2]),
        ))
    return edits

