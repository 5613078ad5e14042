"""Fixes that change comments only (an unused `# noqa` directive): each is one line of the
source as the check read it, and what it becomes (or nothing: the line goes).

Plain text and bytes, no libcst: the suppression layer computes the edits (it knows the noqa
grammar), the fixer applies them before any spawn fix. An edit is made only where the line is
still what the check read; the lines not edited keep their bytes (encoding, breaks, BOM); and
the module must parse to the same tree after the edits as before (only comments changed),
else none is made.
"""

from __future__ import annotations

import ast
import codecs
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import field

from taskleak.files.source import SourceError, decode
from taskleak.model import FixKind
from taskleak.records import record

_BOM = codecs.BOM_UTF8
CHANGED = "the line changed since it was checked"


@record(frozen=True)
class CommentEdit:
    """One finding's fix: line `line` (1-based), read as `old`, becomes `new` (None: the whole
    line, with its break, is deleted)."""

    line: int
    column: int  # the finding's (with `line` and `rule`: which finding this fixes)
    rule: str
    old: str
    new: str | None
    kind: FixKind
    description: str


@record
class CommentsFixed:
    """The source after the comment edits that could be made."""

    data: bytes
    done: list[CommentEdit] = field(default_factory=list)
    refused: list[tuple[CommentEdit, str]] = field(default_factory=list)  # (edit, why)
    deleted: list[int] = field(default_factory=list)  # lines deleted (old numbers), ascending

    def new_line(self, line: int) -> int:
        """Where old line `line` (not deleted) is now."""
        return line - bisect_left(self.deleted, line)

    def old_line(self, line: int) -> int:
        """Where new line `line` was."""
        for gone in self.deleted:
            if gone > line:
                break
            line += 1
        return line


def apply_comment_edits(data: bytes, edits: Sequence[CommentEdit]) -> CommentsFixed:
    """Make the edits whose line is unchanged (one per line: the first), if the module then
    parses to the same tree."""
    out = CommentsFixed(data)
    try:
        encoding = codecs.lookup(decode(data)[1]).name
        before = ast.dump(ast.parse(data))
    except (SourceError, SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        reason = exc.reason if isinstance(exc, SourceError) else \
            "it does not parse with this Python"
        out.refused = [(e, reason) for e in edits]
        return out
    if encoding == "utf-8-sig":
        encoding = "utf-8"  # the BOM stays with line 1's bytes
    # at \n, \r\n and \r only, as Python counts lines; None: a deleted line
    lines: list[bytes | None] = list(data.splitlines(keepends=True))
    for edit in sorted(edits, key=lambda e: e.line):
        taken = any(d.line == edit.line for d in out.done)
        why = "another fix changes this line" if taken else _edit(lines, edit, encoding)
        if why is None:
            out.done.append(edit)
            if edit.new is None:
                out.deleted.append(edit.line)
        else:
            out.refused.append((edit, why))
    fixed = b"".join(line for line in lines if line is not None)
    if out.done and _tree(fixed) != before:
        out.refused += [(e, "the edit would change the code, not only a comment")
                        for e in out.done]
        out.done, out.deleted = [], []
        return out
    out.data = fixed if out.done else data
    return out


def _edit(lines: list[bytes | None], edit: CommentEdit, encoding: str) -> str | None:
    """Make one edit in `lines` (None for a deleted line), or say why not."""
    index = edit.line - 1
    raw = lines[index] if 0 <= index < len(lines) else None
    if raw is None:
        return CHANGED
    body = raw.rstrip(b"\r\n")
    bom = _BOM if index == 0 and body.startswith(_BOM) else b""
    try:
        text = body[len(bom):].decode(encoding)
    except UnicodeDecodeError:
        return CHANGED
    if text != edit.old:
        return CHANGED
    if edit.new is None:
        lines[index] = None
        return None
    try:
        lines[index] = bom + edit.new.encode(encoding) + raw[len(body):]
    except UnicodeEncodeError:
        return f"the new line cannot be written in {encoding}"
    return None


def _tree(data: bytes) -> str | None:
    try:
        return ast.dump(ast.parse(data))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
