"""Text built from pieces of one original program, with the way back: every offset of the new
text that was copied from the program maps to its offset there; text the transform wrote maps
to the place it stands for (a renamed name to the name's start) or to nothing (a generated
import line, which holds no finding).

The transforms (`invariance_transforms.py`) edit text rather than trees, so that everything
they do not change stays byte for byte, and a finding in the new files can be placed in the
program."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Edit:
    """Replace the program's text `[start, end)` by `text` (offsets in characters)."""

    start: int
    end: int
    text: str


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
    return starts


@dataclass
class Program:
    """The original program: its text and where its lines start."""

    text: str
    starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.starts = line_starts(self.text)

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based line and 0-based character column."""
        return self.starts[line - 1] + column

    def offset_of_bytes(self, line: int, byte_column: int) -> int:
        """`ast` counts columns in UTF-8 bytes."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        prefix = self.text[start:end].encode()[:byte_column].decode()
        return start + len(prefix)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line, 0-based column."""
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1]


@dataclass
class Built:
    """One new file: its text and, per piece, (new start, new end, original start, exact)."""

    parts: list[str] = field(default_factory=list)
    pieces: list[tuple[int, int, int | None, bool]] = field(default_factory=list)
    size: int = 0

    def write(self, text: str, origin: int | None = None) -> None:
        """New text; every offset in it maps to `origin` (None: to nothing)."""
        self._add(text, origin, exact=False)

    def write_copy(self, other: Built) -> None:
        """`other`'s text, each piece mapped as it was where it was copied from the program (a
        piece `other` wrote maps to nothing here)."""
        for text, (_, _, origin, exact) in zip(other.parts, other.pieces, strict=True):
            self.write(text, origin if exact else None)

    def copy(self, program: Program, start: int, end: int, edits: Sequence[Edit] = ()) -> None:
        """The program's `[start, end)` with the `edits` that fall inside it made."""
        at = start
        for edit in sorted((e for e in edits if start <= e.start and e.end <= end),
                           key=lambda e: (e.start, e.end)):
            if edit.start < at:
                raise ValueError(f"overlapping edits at {edit.start}")
            self._add(program.text[at:edit.start], at, exact=True)
            self._add(edit.text, edit.start, exact=False)
            at = edit.end
        self._add(program.text[at:end], at, exact=True)

    def _add(self, text: str, origin: int | None, *, exact: bool) -> None:
        if not text:
            return
        self.parts.append(text)
        self.pieces.append((self.size, self.size + len(text), origin, exact))
        self.size += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def origin(self, offset: int) -> int | None:
        """The program's offset of the new text's `offset`."""
        for new_start, new_end, origin, exact in self.pieces:
            if new_start <= offset < new_end:
                if origin is None:
                    return None
                return origin + (offset - new_start) if exact else origin
        return None
