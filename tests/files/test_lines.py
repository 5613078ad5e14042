"""`files/lines.py`: lines as Python numbers them, held to libcst's positions and `tokenize`."""

from __future__ import annotations

import io
import tokenize

import libcst as cst
from hypothesis import given
from hypothesis import strategies as st
from libcst.metadata import MetadataWrapper, PositionProvider

from taskleak.files.lines import (
    byte_position,
    line_and_column,
    line_starts,
    lines_with_ends,
    source_lines,
    with_newlines,
)

# what str.splitlines breaks at and Python does not: allowed in comments and strings only
NOT_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
BREAKS = ("\n", "\r\n", "\r")


def test_only_cr_lf_and_crlf_break_a_line() -> None:
    text = "a\r\nb\rc\n" + "".join(f"#{c}x\n" for c in NOT_BREAKS) + "end"
    assert lines_with_ends(text)[:3] == ["a\r\n", "b\r", "c\n"]
    assert len(source_lines(text)) == 3 + len(NOT_BREAKS) + 1
    assert len(text.splitlines()) == 3 + 2 * len(NOT_BREAKS) + 1  # what went wrong before
    assert "".join(lines_with_ends(text)) == text
    assert source_lines("") == [] and source_lines("\n") == [""]
    assert with_newlines("a\rb\r\nc") == "a\nb\nc\n"


def test_offsets_map_to_lines_and_columns() -> None:
    text = "ab\r\n\x0ccd\ref"
    starts = line_starts(text)
    assert starts == [0, 4, 8]
    assert line_and_column(starts, text.index("d")) == (2, 2)
    assert line_and_column(starts, text.index("f")) == (3, 1)
    data = "é\r\x0cé\nx".encode()
    assert byte_position(data, data.index(b"x")) == (3, 1)
    assert byte_position(data, data.index(b"\x0c") + 1) == (2, 2)  # columns count bytes


_FILLER = st.text(alphabet=st.sampled_from("ab #" + NOT_BREAKS), max_size=6)


@st.composite
def programs(draw: st.DrawFn) -> tuple[str, list[tuple[int, str]]]:
    """Statements `nN = 'text'  # text` (the odd characters in strings and comments), comment
    lines and blank lines, joined by any of Python's line breaks; and (line, name) of each
    statement."""
    parts: list[str] = []
    named: list[tuple[int, str]] = []
    for index in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["statement", "comment", "blank"]))
        if kind == "statement":
            name = f"n{index}"
            named.append((index + 1, name))
            parts.append(f"{name} = {draw(_FILLER)!r}  #{draw(_FILLER)}")
        else:
            # a blank line holds a space: "" after a lone CR and before a LF would make one CRLF
            parts.append(f"#{draw(_FILLER)}" if kind == "comment" else " ")
        parts.append(draw(st.sampled_from(BREAKS)))
    return "".join(parts), named


@given(programs())
def test_line_numbers_agree_with_libcst_and_tokenize(program: tuple[str, list[tuple[int, str]]]
                                                     ) -> None:
    text, named = program
    lines = source_lines(text)
    wrapper = MetadataWrapper(cst.parse_module(text))
    where = {
        node.targets[0].target.value: (pos.start.line, pos.start.column)
        for node, pos in wrapper.resolve(PositionProvider).items()
        if isinstance(node, cst.Assign) and isinstance(node.targets[0].target, cst.Name)
    }
    for line, name in named:
        assert where[name] == (line, 0)
        assert lines[line - 1].startswith(f"{name} = ")
    # Python's own tokenizer, reading the text as a file would be read (universal newlines)
    tokens = tokenize.generate_tokens(io.StringIO(text, newline=None).readline)
    for tok in tokens:
        if tok.type in (tokenize.NAME, tokenize.STRING, tokenize.COMMENT):
            row, column = tok.start
            assert lines[row - 1][column:].startswith(tok.string)
    assert compile(text, "<text>", "exec").co_firstlineno == 1  # it is Python
    assert len(lines) == len(with_newlines(text).split("\n")) - 1
