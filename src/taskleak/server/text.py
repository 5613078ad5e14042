"""A buffer's lines as the protocol counts them, and positions in the client's units.

LSP breaks lines at `\\n`, `\\r\\n` and `\\r` only (not at the other breaks `str.splitlines` knows),
and counts columns in the negotiated encoding's code units (UTF-16 by default); taskleak counts
columns in characters. `Lines` converts between the two with pygls's position codec.
"""

from __future__ import annotations

from dataclasses import field

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

# the protocol's lines are Python's: findings and suppressions are numbered the same way
from taskleak.files.lines import lines_with_ends, strip_break
from taskleak.records import record


@record
class Lines:
    """A buffer's lines (without breaks) and the client's position encoding."""

    text: str
    codec: PositionCodec = field(default_factory=PositionCodec)
    with_ends: list[str] = field(init=False)
    plain: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.with_ends = lines_with_ends(self.text)
        self.plain = [strip_break(line) for line in self.with_ends]

    def line(self, index: int) -> str:
        """The 0-based line `index` without its break ("" past the end)."""
        return self.plain[index] if 0 <= index < len(self.plain) else ""

    def position(self, line: int, character: int) -> types.Position:
        """A 0-based line and character offset, in the client's units."""
        text = self.line(line)
        character = max(0, min(character, len(text)))
        return types.Position(line=max(0, line), character=self.codec.client_num_units(
            text[:character]))

    def span(self, line: int, start: int, end_line: int, end: int) -> types.Range:
        """A range from 0-based lines and character offsets."""
        return types.Range(start=self.position(line, start), end=self.position(end_line, end))

    def finding_range(self, line: int, column: int, end_line: int, end_column: int
                      ) -> types.Range:
        """A finding's range: 1-based lines and columns, the end one past the last character."""
        return self.span(line - 1, column - 1, end_line - 1, end_column - 1)

    def character(self, position: types.Position) -> int:
        """The character offset of a client position in its line."""
        text = self.line(position.line)
        units = 0
        for index, char in enumerate(text):
            if units >= position.character:
                return index
            units += self.codec.client_num_units(char)
        return len(text)

    def end(self) -> types.Position:
        """The position after the last character of the buffer."""
        if not self.with_ends:
            return types.Position(line=0, character=0)
        last = self.with_ends[-1]
        if last != strip_break(last):
            return types.Position(line=len(self.with_ends), character=0)
        return self.position(len(self.with_ends) - 1, len(last))

    def line_start(self, index: int) -> types.Position:
        """The start of line `index`, or the buffer's end for the line after the last."""
        if index >= len(self.with_ends):
            return self.end()
        return types.Position(line=index, character=0)
