"""Lines and positions in the client's units (`server/text.py`), and the line edits that turn a
buffer into its fixed text (`server/edits.py`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lsp_client import apply_edits
from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from taskleak.files.lines import lines_with_ends
from taskleak.server.edits import text_edits
from taskleak.server.text import Lines


def test_lines_break_where_the_protocol_does() -> None:
    assert lines_with_ends("a\r\nb\rc\nd\x0ce") == ["a\r\n", "b\r", "c\n", "d\x0ce"]
    assert Lines("a\n").plain == ["a"]
    assert Lines("").plain == []


def test_columns_are_counted_in_utf16_units() -> None:
    lines = Lines("s = '😀'; create_task(x)\n")
    at = lines.plain[0].index("create_task")
    position = lines.position(0, at)
    assert position == types.Position(line=0, character=at + 1)  # the emoji takes two units
    assert lines.character(position) == at


def test_columns_in_utf8_when_negotiated() -> None:
    lines = Lines("é = 1\n", PositionCodec(types.PositionEncodingKind.Utf8))
    assert lines.position(0, 1) == types.Position(line=0, character=2)


def test_a_finding_range_is_one_based_with_an_exclusive_end() -> None:
    lines = Lines("import asyncio\nasyncio.create_task(f())\n")
    assert lines.finding_range(2, 1, 2, 25) == types.Range(
        start=types.Position(line=1, character=0), end=types.Position(line=1, character=24))


def test_the_end_of_a_buffer_with_and_without_a_final_break() -> None:
    assert Lines("a\nb\n").end() == types.Position(line=2, character=0)
    assert Lines("a\nb").end() == types.Position(line=1, character=1)


def test_edits_touch_only_the_changed_lines() -> None:
    before = "a\nb\nc\nd\n"
    edits = text_edits(Lines(before), "a\nB\nc\nd\ne\n")
    assert [(e.range.start.line, e.range.end.line, e.new_text) for e in edits] == [
        (1, 2, "B\n"), (4, 4, "e\n")]


_TEXT = st.lists(st.sampled_from(["x = 1", "    y()", "", "# é 😀", "\t", "z"]), max_size=8)
_BREAK = st.sampled_from(["\n", "\r\n"])


@given(_TEXT, _TEXT, _BREAK, st.booleans(), st.booleans())
def test_applying_the_edits_gives_the_new_text(old: list[str], new: list[str], brk: str,
                                               old_final: bool, new_final: bool) -> None:
    before = brk.join(old) + (brk if old_final and old else "")
    after = brk.join(new) + (brk if new_final and new else "")
    assert apply_edits(before, text_edits(Lines(before), after)) == after
