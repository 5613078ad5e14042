"""Places a finding names: the owner's close-like methods and the methods that clean (or fail to
clean) the task, as `relatedInformation`.

A finding carries these as words, not positions: "cancelled in disconnect()", "disconnect()
cancels only self._receiver_task". So the places are found by name in the buffer: a `def` of
that name in the spawn's class (or at module level when the spawn is in no class). A name that
is not found, or found more than once, gives no place; the spawn's own function and the
coroutine it runs are left out (they are where the diagnostic already is). When the analysis
carries positions for them, this module becomes a lookup.
"""

from __future__ import annotations

import re

from taskleak.model import Finding
from taskleak.records import record

_CALLED = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\(\)")
_CLAUSE = re.compile(r"[;,](?:\s|$)|\band\b")


@record(frozen=True)
class Place:
    line: int  # 0-based
    start: int  # character offsets of the name
    end: int
    label: str


def related_places(finding: Finding, lines: list[str]) -> list[Place]:
    """The `def` lines of the methods the finding's words name, each with its clause."""
    own = {finding.context.rsplit(".", 1)[-1], _callee(finding.coroutine)}
    places: list[Place] = []
    seen: set[str] = set()
    for text in (finding.cleaned, finding.message, *finding.evidence):
        for match in _CALLED.finditer(text):
            name = match.group(1)
            if name in own or name in seen:
                continue
            seen.add(name)
            place = _find_def(lines, _class_of(finding.context, lines), name)
            if place is not None:
                line, start = place
                places.append(Place(line, start, start + len(name), _clause(text, match.start())))
    return places


def _callee(coroutine: str) -> str:
    head = coroutine.split("(", 1)[0]
    return head.rsplit(".", 1)[-1]


def _clause(text: str, at: int) -> str:
    """The part of `text` around offset `at`, between separators (", ", "; ", "and")."""
    start = 0
    end = len(text)
    for match in _CLAUSE.finditer(text):
        if match.end() <= at:
            start = match.end()
        elif match.start() >= at:
            end = match.start()
            break
    return text[start:end].strip()


def _class_of(context: str, lines: list[str]) -> tuple[int, int] | None:
    """The lines (first, last) of the spawn's class, when its context starts with a class."""
    head = context.split(".", 1)[0]
    if "." not in context or not head.isidentifier():
        return None
    pattern = re.compile(rf"([ \t]*)class\s+{re.escape(head)}\b")
    starts = [(i, m) for i, line in enumerate(lines) if (m := pattern.match(line))]
    if len(starts) != 1:
        return None
    first, match = starts[0]
    indent = len(match.group(1))
    last = first
    for i in range(first + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line.lstrip().startswith("#"):
            if len(line) - len(line.lstrip(" \t")) <= indent:
                break
        last = i
    return first, last


def _find_def(lines: list[str], within: tuple[int, int] | None, name: str
              ) -> tuple[int, int] | None:
    """(line, column of the name) of the one `def name(` in the class or at module level."""
    pattern = re.compile(rf"([ \t]*)(?:async\s+)?def\s+({re.escape(name)})\s*[(\[]")
    first, last = within if within is not None else (0, len(lines) - 1)
    found = []
    for i in range(first, last + 1):
        match = pattern.match(lines[i])
        if match is None or (within is None and match.group(1)):
            continue
        found.append((i, match.start(2)))
    return found[0] if len(found) == 1 else None
