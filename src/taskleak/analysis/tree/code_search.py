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

    Its longest part is looked for first, with `str.find`: where that part occurs once, the
    code can only be around it, checked by comparing strings. Only where it occurs more than
    once is a regular expression compiled, as long as the code: compiling one for each of the
    874 codes of a homeassistant run cost 0.22 s of 4.5 s in one process, this 0.04 s
    (tests/analysis/test_positions.py checks it against that expression)."""
    if len(parts) == 1:
        at = text.find(parts[0])
        return None if at < 0 or text.find(parts[0], at + 1) >= 0 else Occurrence(at, "")
    anchor = max(range(len(parts)), key=lambda k: len(parts[k]))
    at = text.find(parts[anchor])
    if at < 0:
        return None
    if text.find(parts[anchor], at + 1) >= 0:
        return _by_pattern(parts, text)
    if anchor == 0:
        indent = _indent_before_rest(text, at + len(parts[0]), parts)
        return None if indent is None else Occurrence(at, indent)
    # before the anchor: an indentation, every earlier part after the same one, the first
    run = at
    while run > 0 and text[run - 1] in _BLANKS:
        run -= 1
    found = None
    for start in range(run, at + 1):
        indent = text[start:at]
        begin = _start_before(text, start, parts[:anchor], indent)
        if begin is not None and _follow(text, at + len(parts[anchor]), parts[anchor + 1:],
                                         indent):
            if found is not None:
                return None
            found = Occurrence(begin, indent)
    return found


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
