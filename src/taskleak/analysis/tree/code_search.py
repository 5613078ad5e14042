"""Where a piece of generated code occurs in a module's text (`positions.spawn_positions`).

libcst writes a node's code with its block's indentation left out (a token stands for it), so
the code is given as parts split at that token: the text holds them joined by one run of
spaces, tabs and form feeds, the same on every line.
"""

from __future__ import annotations

import re

from taskleak.records import record


@record(frozen=True)
class Occurrence:
    start: int  # where the code starts in the text
    indent: str  # what stood for the indentation token there ("" for code written without it)


def unique_code(parts: list[str], text: str) -> Occurrence | None:
    """Where the code written as `parts` occurs in `text`, when it starts at exactly one place.

    Its longest part is looked for first, with `str.find`: the code can only be around one of
    its occurrences, checked by comparing strings. Only where that part occurs more than
    `MOST_ANCHORS` times is a regular expression compiled, as long as the code: compiling one
    for each of the 874 codes of a homeassistant run cost 0.22 s of 4.5 s in one process, this
    0.04 s; on mid, the 183 codes whose longest part occurs more than once (a statement's
    `if self._closed:` around a repeated call) cost 0.26 s by expression
    (tests/analysis/test_positions.py checks it against that expression)."""
    if len(parts) == 1:
        at = text.find(parts[0])
        return None if at < 0 or text.find(parts[0], at + 1) >= 0 else Occurrence(at, "")
    anchor = max(range(len(parts)), key=lambda k: len(parts[k]))
    found: Occurrence | None = None
    at, seen = text.find(parts[anchor]), 0
    while at >= 0:
        seen += 1
        if seen > MOST_ANCHORS:
            return _by_pattern(parts, text)
        for occurrence in _with_anchor_at(parts, text, anchor, at):
            if found is None or (occurrence.start == found.start
                                 and len(occurrence.indent) > len(found.indent)):
                found = occurrence  # (at one start, the pattern's greedy indentation)
            elif occurrence.start != found.start:
                return None
        at = text.find(parts[anchor], at + 1)
    return found


# Beyond this many occurrences of the code's longest part, one regular expression is cheaper.
MOST_ANCHORS = 50


def _with_anchor_at(parts: list[str], text: str, anchor: int, at: int) -> list[Occurrence]:
    """The places the code occurs with its part `anchor` at `at` (one per start)."""
    if anchor == 0:
        indent = _indent_before_rest(text, at + len(parts[0]), parts)
        return [] if indent is None else [Occurrence(at, indent)]
    # before the anchor: an indentation, every earlier part after the same one, the first
    run = at
    while run > 0 and text[run - 1] in _BLANKS:
        run -= 1
    out: list[Occurrence] = []
    for start in range(run, at + 1):
        indent = text[start:at]
        begin = _start_before(text, start, parts[:anchor], indent)
        if begin is not None and _follow(text, at + len(parts[anchor]), parts[anchor + 1:],
                                         indent):
            out.append(Occurrence(begin, indent))
    return out


_BLANKS = " \t\f"


def _start_before(text: str, end: int, parts: list[str], indent: str) -> int | None:
    """Where `parts` joined by `indent` start when they end at `end`; None when they do not."""
    for k in range(len(parts) - 1, -1, -1):
        if k < len(parts) - 1:
            end -= len(indent)
            if end < 0 or not text.startswith(indent, end):
                return None
        end -= len(parts[k])
        if end < 0 or not text.startswith(parts[k], end):
            return None
    return end


def _indent_before_rest(text: str, at: int, parts: list[str]) -> str | None:
    """The indentation at `at` after which `parts[1:]` follow, each after that same
    indentation (the longest that fits first, as a greedy pattern takes it); None when none
    fits."""
    end = at
    while end < len(text) and text[end] in _BLANKS:
        end += 1
    for stop in range(end, at - 1, -1):
        indent = text[at:stop]
        if text.startswith(parts[1], stop) and _follow(text, stop + len(parts[1]), parts[2:],
                                                       indent):
            return indent
    return None


def _follow(text: str, pos: int, parts: list[str], indent: str) -> bool:
    """Whether `parts` follow at `pos`, each after `indent`."""
    for part in parts:
        if not text.startswith(indent, pos):
            return False
        pos += len(indent)
        if not text.startswith(part, pos):
            return False
        pos += len(part)
    return True


def _by_pattern(parts: list[str], text: str) -> Occurrence | None:
    """`unique_code` by a regular expression, for code whose every part occurs more than once."""
    pattern = re.escape(parts[0])
    pattern += "(?P<indent>[ \t\f]*)" + "(?P=indent)".join(re.escape(p) for p in parts[1:])
    regex = re.compile(pattern)
    match = regex.search(text)
    if match is None or regex.search(text, match.start() + 1) is not None:
        return None
    return Occurrence(match.start(), match.group("indent"))
