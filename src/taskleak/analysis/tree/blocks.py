"""Parsing a big file's blocks that can hold evidence: which top-level statements to parse.

Speed trick (one place): libcst's parse costs about a second per 200 KB here, whatever a file
holds, so a generated 50,000-line module with one spawn cost 4.6 s and 380 MB (issue 71). Above
`BLOCKS_ABOVE` bytes, a byte scan (no tokenizer: Python 3.11's is pure Python and cost as much
as the parse saved) finds the statements of the module's body, and only these are kept:

- the blocks that can hold a spawn (`seeds`: the run's prefilter asked of each block, its
  file-wide tests asked of the whole file: `prefilter.Prefilter.block_test`);
- every block that shares a word with a kept one, until none does (symmetric: what a kept block
  names, a definition, a base class, a helper, a module-level name, an attribute it stores; and
  what names a kept block's words, a caller, a subclass, a cleanup of the same attribute).
  Keywords, and `self` and `cls` as names (not as attributes), link nothing;
- imports, and blocks that import (an `if TYPE_CHECKING:`, a try-import), and the first block
  with an indented body (libcst reads the module's default indent there).

Every other block becomes a string of as many lines (blocks in a row, one string), so each kept
line keeps its number and its columns: every position, snippet and ordinal of the stand-in is
the file's (empty lines instead cost a node each: 0.3 s more on the 50,000-line module).
The stand-in's tree must have one statement per kept block, else the file is parsed whole (a
string the scan misread). What the run may use a stand-in for is decided in `run/runner.py`:
another module's rows can read every definition of a module (its exports), so among other
files holding spawns the kept blocks are also those naming a word the others may read it by
(`block_reads.py`; parsed whole when those files are more than `OTHERS_READ` times its bytes),
and no fix is ever made from a stand-in.

Measured (bench/big_module.py: 50,000 lines, 827 KB, one spawn; cold, `--no-cache`): 4.6 s and
381 MB parsed whole, 0.51-0.55 s and 42 MB from its blocks (the scan ~0.13 s, the links
~0.04 s; a bare run of a one-line file is 0.33 s). Guarded by tests/analysis/test_blocks.py
(the rows of the stand-in equal the whole file's on generated shapes) and
bench/blocks_corpus.py (the same on the corpora's big files).
"""

from __future__ import annotations

import keyword
import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

HEADER_LINES = 2  # an encoding declaration is read from the first two lines
# A stand-in keeping more than this share of the file's bytes is not worth its scan: the
# file is parsed whole.
MOST_KEPT = 0.5
# The bytes of an identifier: ASCII letters, digits, `_`, and every byte of a UTF-8 letter.
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
                        + bytes(range(0x80, 0x100)))
# A file this large or smaller is parsed whole. Not a measured crossover: the scan and the
# links cost ~0.05 s per 256 KiB, libcst's whole parse ~1.3 s, so the block parse pays from far
# smaller files; kept high so that only files whose parse costs over a second take this path.
BLOCKS_ABOVE = 256 * 1024

_TOKEN = re.compile(rb"#[^\r\n]*|'''|\"\"\"|['\"]|[(\[{]|[)\]}]|\\(?:\r\n|\r|\n)|\r\n|\r|\n")
_STRING_END = {
    b"'": re.compile(rb"(?:[^'\\\r\n]|\\(?:\r\n|[\s\S]))*'"),
    b'"': re.compile(rb'(?:[^"\\\r\n]|\\(?:\r\n|[\s\S]))*"'),
    b"'''": re.compile(rb"(?:[^'\\]|\\[\s\S]|'(?!''))*'''"),
    b'"""': re.compile(rb'(?:[^"\\]|\\[\s\S]|"(?!""))*"""'),
}
_FIRST_WORD = re.compile(rb"[A-Za-z_]\w*")
# a column-0 line that continues the compound statement above it
_CONTINUES = frozenset({b"else", b"elif", b"except", b"finally"})
_IMPORTS = frozenset({b"import", b"from"})
_IMPORT_WORD = re.compile(rb"\bimport\b")
_COMPOUND = frozenset({b"if", b"try", b"with", b"for", b"while", b"def", b"class", b"async",
                       b"match", b"@"})
# an identifier: ASCII, or any byte of a UTF-8 one (a number names nothing)
_WORDS = re.compile(rb"(\.[ \t]*)?([A-Za-z_\x80-\xff][\w\x80-\xff]*)")
_WORD = re.compile(rb"[A-Za-z_\x80-\xff][\w\x80-\xff]*")
# words that link no blocks: a keyword names nothing; `self` and `cls` name each method's own
# object (their attributes link, `.self` too), unless the module binds them itself
STOP = frozenset(w.encode() for w in keyword.kwlist) | {b"self", b"cls"}
_BINDS_SELF = re.compile(
    rb"(?m)^(?:self|cls)\b|\b(?:def|class|as|global|import|for)[ \t]+(?:self|cls)\b")


class Block:
    """A statement of the module's body: its lines (0-based, `last` included), its bytes
    (`start` to `end`) and its first word (`@` for a decorator)."""

    __slots__ = ("end", "first", "kind", "last", "start")

    def __init__(self, first: int, last: int, start: int, end: int, kind: bytes) -> None:
        self.first, self.last, self.start, self.end, self.kind = first, last, start, end, kind


def top_level_blocks(data: bytes, lines: list[bytes]) -> list[Block] | None:
    """The statements of the module's body, by a scan of strings, comments, brackets and line
    continuations; None when the scan cannot follow the text (an unclosed string)."""
    inside = inside_lines(data, lines)
    return _blocks(lines, inside) if inside is not None else None


def inside_lines(data: bytes, lines: list[bytes]) -> bytearray | None:
    """1 for each line that starts inside a string, brackets or after a `\\`; None when the
    scan cannot follow the text (an unclosed string)."""
    inside = bytearray(len(lines) + 1)  # 1: the line starts inside a string, brackets, a `\`
    depth = 0
    line = 0
    pos = 0
    search = _TOKEN.search
    while (m := search(data, pos)) is not None:
        token = m.group()
        pos = m.end()
        first = token[:1]
        if first in b"\r\n":
            line += 1
            if depth:
                inside[line] = 1
        elif first == b"\\":
            line += 1
            inside[line] = 1
        elif first in b"([{":
            depth += 1
        elif first in b")]}":
            depth = max(depth - 1, 0)
        elif first in b"'\"":
            end = _STRING_END[token].match(data, pos)
            if end is None:
                return None
            crossed = data.count(b"\n", pos, end.end()) + data.count(b"\r", pos, end.end()) \
                - data.count(b"\r\n", pos, end.end())
            for k in range(crossed):
                inside[line + 1 + k] = 1
            line += crossed
            pos = end.end()
    return inside


def _blocks(lines: list[bytes], inside: bytearray) -> list[Block]:
    starts = [0, *accumulate(map(len, lines))]
    blocks: list[Block] = []
    start = -1
    kind = b""
    last_code = -1
    decorated = False
    for n, text in enumerate(lines):
        if inside[n]:
            last_code = n
            continue
        head = text[:1]
        if head in (b"", b"\n", b"\r", b" ", b"\t", b"\x0c"):
            if text.strip() and not text.lstrip().startswith(b"#"):
                last_code = n  # an indented line of the block
            continue
        if head == b"#":
            continue
        word = _FIRST_WORD.match(text)
        name = word.group() if word is not None else head
        if name in _CONTINUES or decorated:
            last_code = n
            decorated = head == b"@"
            continue
        if start >= 0:
            blocks.append(Block(start, last_code, starts[start], starts[last_code + 1], kind))
        start, kind, last_code, decorated = n, name, n, head == b"@"
    if start >= 0:
        blocks.append(Block(start, last_code, starts[start], starts[last_code + 1], kind))
    return blocks


Words = tuple[set[bytes], set[bytes]]


def words(text: bytes, stop: frozenset[bytes]) -> Words:
    """(the words that link: all but the stop words used as names, the stop words used as
    names)."""
    linking: set[bytes] = set()
    stopped: set[bytes] = set()
    for dot, word in _WORDS.findall(text):
        if dot or word not in stop:
            linking.add(word)
        else:
            stopped.add(word)
    return linking, stopped - linking


def selected(blocks: list[Block], seeds: Iterable[int], data: bytes,
             read: Words | None = None) -> list[bool] | None:
    """Which blocks to parse (see the module docstring), found from the offsets of the words
    that may name a spawn (`seeds`) and the words the run's other files may read the file by
    (`read`: block_reads.py); None when more than `MOST_KEPT` of the file is."""
    stop = STOP - {b"self", b"cls"} if _BINDS_SELF.search(data) else STOP
    ends = [b.end for b in blocks]
    keep = [False] * len(blocks)
    linked = [False] * len(blocks)  # kept for a link: its words link in turn
    todo: list[int] = []
    size = [0]  # of the linked blocks: past `most`, the search stops (it would end in None)

    def reach(offset: int) -> int:
        """Keep the block at `offset`; where to search on."""
        j = bisect_right(ends, offset)
        if j == len(blocks) or blocks[j].start > offset:
            return offset + 1  # between blocks: a comment
        if not linked[j]:
            keep[j] = linked[j] = True
            todo.append(j)
            size[0] += ends[j] - blocks[j].start
        return ends[j]

    for offset in seeds:
        reach(offset)
    indent_kept = False
    for i, block in enumerate(blocks):
        if block.kind in _IMPORTS or (block.kind in _COMPOUND and _IMPORT_WORD.search(
                data, block.start, block.end)):
            keep[i] = True  # read for its names, links nothing on its own
        if not indent_kept and block.kind in _COMPOUND and block.last > block.first:
            keep[i] = indent_kept = True
    searched: set[bytes] = set()
    most = MOST_KEPT * len(data)
    pending = [(read[0] & set(_WORD.findall(data)), read[1])] if read is not None else []
    while todo or pending:
        if size[0] > most:
            return None
        if pending:  # (the other files' words first, as if a kept block's)
            linking, stopped = pending.pop()
        else:
            block = blocks[todo.pop()]
            linking, stopped = words(data[block.start:block.end], stop)
        for word in linking - searched:
            searched.add(word)
            at = _find_word(data, word, 0)
            while at >= 0 and size[0] <= most:
                at = _find_word(data, word, reach(at))
        for word in stopped - searched:  # a stop word links where it is an attribute
            searched.add(word)
            for m in re.finditer(rb"\.[ \t]*" + word + rb"\b", data):
                reach(m.start())
    return keep if size[0] <= most else None


def _find_word(data: bytes, word: bytes, start: int) -> int:
    """The next whole-word occurrence of `word` in `data` from `start`, or -1."""
    end = len(word)
    i = data.find(word, start)
    while i >= 0:
        j = i + end
        if (i == 0 or data[i - 1] not in _WORD_BYTES) and (j == len(data)
                                                           or data[j] not in _WORD_BYTES):
            return i
        i = data.find(word, i + 1)
    return -1


Emptied = tuple[tuple[int, int], ...]  # (first, last) lines, 0-based, of the blocks left out


def stand_in(data: bytes, seeds: Iterable[int], read: Words | None = None
             ) -> tuple[bytes, int, Emptied] | None:
    """The file with the blocks that cannot matter left out, the count of the statements of
    its body, and the lines left out; None when most of the file is kept or the scan cannot
    follow the text. `seeds`: where a spawn may be named; `read`: the words the run's other
    files may read it by (block_reads.py)."""
    lines = data.splitlines(keepends=True)
    blocks = top_level_blocks(data, lines)
    if blocks is None:
        return None
    keep = selected(blocks, seeds, data, read)
    if keep is None:
        return None
    spans: list[tuple[int, int]] = []
    for i, block in enumerate(blocks):
        if keep[i]:
            continue
        if i and not keep[i - 1] and spans[-1][1] >= HEADER_LINES - 1:
            spans[-1] = (spans[-1][0], block.last)  # with the comments and blank lines between
        else:
            spans.append((block.first, block.last))
    strings = sum(1 for first, last in spans if last > first)
    return emptied(lines, tuple(spans)), sum(keep) + strings, tuple(spans)


def emptied(data: bytes | list[bytes], spans: Emptied) -> bytes:
    """`data` (or its lines) with the lines of each span left out as `stand_in` does: a
    string of as many lines as the span (libcst reads one token where empty lines cost a node
    each: 50,000 of them parsed and walked 0.3 s), or an empty line."""
    lines = data.splitlines(keepends=True) if isinstance(data, bytes) else data
    out = list(lines)
    for first, last in spans:
        for n in range(first, last + 1):
            out[n] = _ending(lines[n])
        if last > first:
            out[first] = b'"""' + out[first]
            out[last] = b'"""' + out[last]
    if out and lines[0].startswith(_BOM) and not out[0].startswith(_BOM):
        out[0] = _BOM + out[0]
    return b"".join(out)


_BOM = b"\xef\xbb\xbf"


def _ending(line: bytes) -> bytes:
    if line.endswith(b"\r\n"):
        return b"\r\n"
    return line[-1:] if line[-1:] in (b"\r", b"\n") else b""
