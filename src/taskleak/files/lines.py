"""Lines of source as Python counts them: one notion of "line number" for every stage.

Python's tokenizer, libcst and the language server protocol break lines at `\\n`, `\\r\\n` and
`\\r` only. `str.splitlines` also breaks at `\\x0b`, `\\x0c` (a form-feed page break),
`\\x1c`-`\\x1e`, `\\x85`, U+2028 and U+2029, which may sit in comments and strings: a line number
looked up in its lines is off by one for each of them above it (a `# noqa` was looked for on the
wrong line). Every line number taskleak computes or looks up goes through here.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# a line with its break, or the last line without one (an empty text has no lines)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
LINE_BREAK = re.compile(r"\r\n?|\n")


def lines_with_ends(text: str) -> list[str]:
    """The text's lines, each with its break (the last one may have none); joined, the text."""
    return _LINE.findall(text)


def source_lines(text: str) -> list[str]:
    """The text's lines without their breaks: line number `n` is `source_lines(text)[n - 1]`."""
    return [strip_break(line) for line in _LINE.findall(text)]


def strip_break(line: str) -> str:
    """A line from `lines_with_ends` without its break."""
    return line.rstrip("\r\n")


def with_newlines(text: str) -> str:
    """The text with every line break a `\\n`: the same lines and columns, for readers (the
    `tokenize` module over `io.StringIO`) that break at `\\n` only."""
    return "".join(line + "\n" for line in source_lines(text))


def line_starts(text: str) -> list[int]:
    """The offset where each line starts (the first is 0; one more after a final break)."""
    return [0, *(m.end() for m in LINE_BREAK.finditer(text))]


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and 1-based byte column of an offset into source bytes (the breaks are
    ASCII whatever the encoding; latin-1 maps each byte to one character)."""
    line, column = line_and_column(line_starts(data[:offset].decode("latin-1")), offset)
    return line, column + 1


def line_and_column(starts: list[int], offset: int) -> tuple[int, int]:
    """The 1-based line and 0-based column of a text offset, from the text's `line_starts`."""
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1]
