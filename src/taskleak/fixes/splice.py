"""Putting back the lines libcst's round trip loses, around a fix.

Every fix writes the module from libcst's tree, and libcst 1.9 drops some comment-only lines as
it parses (`\\t# keep me` before ` # end` after a dedent: issue 15), and the form feeds that start
a line (`\\x0casync def main():`, a page break). When the round trip differs from the file by
whole blank or comment lines, or by form feeds, only, they go back into the fixed text: a lost
line before the line it preceded (Python's tokenizer ignores such a line wherever it stands
between lines), a line that lost its form feeds as it was, unless the fix rewrote it. The fixed
text is then verified against the original like any other. Any other difference: the file is
not fixed.
"""

from __future__ import annotations

from dataclasses import field
from difflib import SequenceMatcher

from taskleak.records import record


@record
class Lost:
    """What libcst's round trip of a file lost, by the index of the round trip's line."""

    before: dict[int, list[bytes]] = field(default_factory=dict)  # lines lost before line i
    instead: dict[int, bytes] = field(default_factory=dict)  # line i as it was (form feeds)

    def __bool__(self) -> bool:
        return bool(self.before or self.instead)


def lost_lines(original: bytes, written: bytes) -> Lost | None:
    """The original's lines that `written` (libcst's round trip of it) lacks; None when the
    difference is more than whole blank or comment lines."""
    old = original.splitlines(keepends=True)
    new = written.splitlines(keepends=True)
    lost = Lost()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, new, old, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1 and all(
                _without_form_feeds(a) == _without_form_feeds(b)
                for a, b in zip(new[i1:i2], old[j1:j2], strict=True)):
            lost.instead.update(zip(range(i1, i2), old[j1:j2], strict=True))
            continue
        if tag != "insert" or not all(_blank_or_comment(line) for line in old[j1:j2]):
            return None
        lost.before.setdefault(i1, []).extend(old[j1:j2])
    return lost


def _without_form_feeds(line: bytes) -> bytes:
    return line.replace(b"\x0c", b"")


def _blank_or_comment(line: bytes) -> bool:
    text = line.strip()
    return not text or text.startswith(b"#")


def put_back(written: bytes, fixed: bytes, lost: Lost) -> bytes:
    """`fixed` (a fix of `written`) with the lost lines back, each run of them just before the
    written line it preceded (before what replaced that line, when the fix did)."""
    if not lost:
        return fixed
    old = written.splitlines(keepends=True)
    new = fixed.splitlines(keepends=True)
    out: list[bytes] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            for i, line in zip(range(i1, i2), new[j1:j2], strict=True):
                out += lost.before.get(i, [])
                out.append(lost.instead.get(i, line))
        else:
            for i in range(i1, i2):
                out += lost.before.get(i, [])
            out += new[j1:j2]
    out += lost.before.get(len(old), [])
    return b"".join(out)
