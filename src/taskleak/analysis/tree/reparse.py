"""Parsing an edited buffer again: only the statement the edit is in.

Speed trick (one place): the language server checks a buffer after every edit, and libcst's
parse of the whole text was half of each check. Inside `incremental()` (the server's checks)
the last tree of each file is kept with its text. When the next text differs only inside one
statement of the module's, a class's or a function's body, that statement alone is parsed, in
a stand-in for its place (the headers around it at their indentation, a `pass` where the next
statement stands), and takes the old one's place; every other node is the old tree's. What the
rest of the file could decide falls back to a whole parse: an edit across statements, in the
first two lines (an encoding declaration), in a compound statement of the module's body that
may hold its first indent (libcst's default indent), `\\r` or no final newline, a text libcst's
tree does not give back, a stand-in that does not parse back to the shape it was built as.

Measured with bench/server_latency.py (1,000 lines, the `LIMIT = ...` line edited; three runs
alternated with the tree before): didChange -> diagnostics p50 82-97 -> 34-42 ms, p95 106-148 ->
45-64 ms. An edit inside a method: 52-65 ms to parse whole, ~1 ms as one statement; the first
edit after a whole parse pays a code generation (~40 ms) to count the lines. Guarded by
tests/analysis/test_reparse.py: along random chains of edits over the suite's case files every
tree made equals libcst's parse of the same text (`deep_equals`, the same code), an edit inside
a statement parses that statement alone, and each shape above falls back.
"""

from __future__ import annotations

import threading
import tokenize
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import field
from typing import cast

import libcst as cst

from taskleak.analysis.tree.codegen_marks import LineState
from taskleak.analysis.tree.parse import parse_module, parse_source, unvalidated
from taskleak.files.lines import line_and_column, line_starts
from taskleak.files.source import decode
from taskleak.records import record

_SLOT = threading.local()
MOST_KEPT = 8  # files whose last tree is kept (a 1,000-line module's: ~1.2 MB)
MOST_REMEMBERED = 50_000  # line counts kept across versions before the memo starts again
HEADER_LINES = 2  # an encoding declaration is read from the first two lines
# A statement that does not parse alone is tried once more with its block (an edit may join
# it with the next one); a text being typed often does not parse at all, and each try of a
# larger stand-in would add to the whole parse that then says so.
MOST_TRIES = 2

Block = cst.FunctionDef | cst.ClassDef  # entered when its body is an indented block
Body = Sequence[cst.BaseStatement]


def _inner(block: Block) -> cst.IndentedBlock:
    """The body of a block the search entered (an indented one: see `_spot`)."""
    return cast(cst.IndentedBlock, block.body)


def _leading(node: cst.BaseStatement) -> Sequence[cst.EmptyLine]:
    """A statement's own lines before it (every statement class of libcst has them)."""
    return cast(cst.SimpleStatementLine | cst.BaseCompoundStatement, node).leading_lines


@record
class _Last:
    """A file's last text parsed on this thread, its tree, and the line counts of its
    statements (by node: the next tree shares every node the edit did not touch)."""

    text: str
    module: cst.Module
    lines: dict[int, tuple[cst.CSTNode, int]] = field(default_factory=dict)
    exact: bool | None = None  # whether the tree's code is the text (libcst loses a few texts)

    def round_trips(self) -> bool:
        """Whether the tree gives back the text, its lines then the text's. One generation of
        the code answers it and counts every statement's lines."""
        if self.exact is None:
            state = LineState(default_indent=self.module.default_indent,
                              default_newline=self.module.default_newline, lines=self.lines)
            self.module._codegen(state)
            self.exact = "".join(state.tokens) == self.text
        return self.exact

    def count(self, node: cst.CSTNode) -> int:
        """The lines of a statement's code (the same at any indentation)."""
        kept = self.lines.get(id(node))
        if kept is None:
            kept = (node, self.module.code_for_node(node).count("\n"))
            self.lines[id(node)] = kept
        return kept[1]


@record
class _Spot:
    """Where the edited statement stands: the blocks around it (outermost first), and the
    index in its body and the first line of each statement on the way down to it."""

    blocks: list[Block]
    indexes: list[int]
    lines: list[int]


@contextmanager
def incremental() -> Iterator[None]:
    """Inside the block, `parse` on this thread parses only the edited statement where it can."""
    before = getattr(_SLOT, "on", False)
    _SLOT.on = True
    try:
        yield
    finally:
        _SLOT.on = before


def forget() -> None:
    """Drop this thread's kept trees."""
    _SLOT.kept = {}


def parse(data: bytes, display: str = "") -> tuple[cst.Module, str]:
    """`parse_source(data)`; inside `incremental()`, from the last tree of the same file
    (`display`) where the edit allows."""
    if not getattr(_SLOT, "on", False):
        return parse_source(data)
    kept: dict[str, _Last] = getattr(_SLOT, "kept", None) or {}
    _SLOT.kept = kept
    last = kept.pop(display, None)  # taken out: put back last, as the newest
    module = None
    if last is not None and not data.startswith(b"\xef\xbb\xbf"):
        text, encoding = decode(data)
        if encoding == "utf-8" and last.module.encoding == "utf-8":
            module = reparsed(last, text)
    if module is None or last is None:
        last = None  # the old tree goes before the new one is built
        module, text = parse_source(data)
        last = _Last(text, module)
    kept[display] = last
    while len(kept) > MOST_KEPT:
        del kept[next(iter(kept))]  # the file checked longest ago
    return module, text


def reparsed(last: _Last, text: str) -> cst.Module | None:
    """The tree of `text` made from `last` by parsing one statement again, else None. On
    success `last` holds the new text and tree."""
    old = last.text
    if text == old:
        return last.module
    if "\r" in text or "\r" in old or not text.endswith("\n") or not old.endswith("\n"):
        return None
    start, old_end = _changed(old, text)
    if 2 * (old_end - start) > len(old) or not last.round_trips():
        return None  # (a text mostly new is parsed whole before its lines are counted)
    starts = line_starts(old)  # (a text with `\r` took the whole parse above)
    first = line_and_column(starts, start)[0] - 1  # 0-based, as the statements' lines
    end_line = line_and_column(starts, max(old_end - 1, start))[0] - 1
    if first < HEADER_LINES:
        return None
    spot = _spot(last, first, end_line)
    if spot is None:
        return None
    settled = _indent_settled(last.module, text, start)
    low = max(len(spot.indexes) - MOST_TRIES, 0)
    for depth in range(len(spot.indexes), low, -1):  # the statement, then its block
        found = _try(last, text, starts, spot, depth, first, len(text) - len(old), settled)
        if found is not None:
            return found
    return None


def _changed(old: str, new: str) -> tuple[int, int]:
    """Where the text that differs starts, and where it ends in `old`."""
    most = min(len(old), len(new))
    low, high = 0, most  # the longest common prefix, by halving (each compare runs in C)
    while low < high:
        mid = (low + high + 1) // 2
        if old[:mid] == new[:mid]:
            low = mid
        else:
            high = mid - 1
    prefix = low
    low, high = 0, most - prefix
    while low < high:
        mid = (low + high + 1) // 2
        if old[len(old) - mid:] == new[len(new) - mid:]:
            low = mid
        else:
            high = mid - 1
    return prefix, len(old) - low


def _indent_settled(module: cst.Module, text: str, start: int) -> bool:
    """Whether the module's first indented line (where libcst reads its default indent) ends
    before `start` in `text`, indented as the old tree's default."""
    ends = [0]  # where each line read so far ends

    def readline() -> str:
        at = ends[-1]
        if at >= start:  # the tokenizer reached the edit without an indent
            return ""
        stop = text.find("\n", at) + 1 or len(text)
        ends.append(stop)
        return text[at:stop]

    try:
        for token in tokenize.generate_tokens(readline):
            if token.type == tokenize.INDENT:
                return token.string == module.default_indent and ends[token.start[0]] <= start
    except (tokenize.TokenError, SyntaxError):
        return False
    return False


def _spot(last: _Last, first: int, end: int) -> _Spot | None:
    """The innermost statement whose lines hold lines `first` to `end` (0-based), going into
    the indented bodies of classes and functions only."""
    blocks: list[Block] = []
    indexes: list[int] = []
    firsts: list[int] = []
    line = len(last.module.header)
    body: Body = last.module.body
    while True:
        found = _holding(last, body, line, first, end)
        if found is None:
            return None  # across statements, or in a footer
        index, line, size = found
        statement = body[index]
        indexes.append(index)
        firsts.append(line)
        if not isinstance(statement, Block) or not isinstance(statement.body, cst.IndentedBlock):
            return _Spot(blocks, indexes, firsts)
        inner = statement.body
        lines = sum(last.count(s) for s in inner.body)
        top = line + size - len(inner.footer) - lines
        if not (top <= first and end < top + lines):
            return _Spot(blocks, indexes, firsts)
        blocks.append(statement)
        body, line = inner.body, top


def _holding(last: _Last, body: Body, line: int, first: int, end: int
             ) -> tuple[int, int, int] | None:
    """The statement of `body` (its first line `line`) holding lines `first` to `end`: its
    index, first line and size."""
    for index, statement in enumerate(body):
        size = last.count(statement)
        if line <= first and end < line + size:
            return index, line, size
        line += size
    return None


def _try(last: _Last, text: str, starts: list[int], spot: _Spot, depth: int, first: int,
         delta: int, settled: bool) -> cst.Module | None:
    """The new tree with the statement at `depth` of `spot` parsed again, else None.
    Not `settled` (the module's first indent may be in the edit): only a simple statement
    of the module's body, which has no indent of its own, or a statement in a block, whose
    stand-in's first indent is then checked to be the module's."""
    module = last.module
    blocks, indexes = spot.blocks[:depth - 1], spot.indexes[:depth]
    bodies: list[Body] = [module.body, *(_inner(b).body for b in blocks)]
    old = bodies[-1][indexes[-1]]
    line = spot.lines[depth - 1]
    own = line + len(_leading(old))
    if own > first:
        return None  # the edit reaches the lines before the statement
    size = last.count(old)
    if 2 * size > len(starts):
        return None  # half the module or more: a whole parse costs about the same
    span = text[starts[own]:starts[line + size] + delta]
    follows = _follower(bodies, indexes)
    parsed = _parsed(_stand_in(module, blocks, span, follows))
    new = None if parsed is None else _taken(parsed, blocks, follows, module)
    if parsed is None or new is None:
        return None
    simple = not blocks and isinstance(new, cst.SimpleStatementLine)  # no indent at all
    if not (simple or parsed.default_indent == module.default_indent) or (
            not settled and not (blocks or (simple and isinstance(old, cst.SimpleStatementLine)))):
        return None
    with unvalidated():
        new = new.with_changes(leading_lines=_leading(old))
        tree = _spliced(module, blocks, indexes, new)
    lines_delta = span.count("\n") - (size - len(_leading(old)))
    _remember(last, blocks, old, indexes, tree, new, size + lines_delta, lines_delta)
    last.text, last.module = text, tree
    return tree


def _stand_in(module: cst.Module, blocks: list[Block], span: str, follows: int | None) -> str:
    """The statement's new text in a stand-in for its place: the headers of the blocks around
    it at their indentation, and a `pass` where the next statement stands."""
    indents = [""]
    for block in blocks:
        step = _inner(block).indent
        indents.append(indents[-1] + (module.default_indent if step is None else step))
    headers = "".join(indent + ("class _:\n" if isinstance(b, cst.ClassDef) else "def _():\n")
                      for indent, b in zip(indents, blocks, strict=False))
    return headers + span + ("" if follows is None else indents[follows] + "pass\n")


def _parsed(stand_in: str) -> cst.Module | None:
    """The stand-in's tree, if it parses and gives back its text."""
    try:
        parsed = parse_module(stand_in)
    except (cst.ParserSyntaxError, RecursionError, MemoryError):
        return None
    return parsed if parsed.code == stand_in else None


def _follower(bodies: list[Body], indexes: list[int]) -> int | None:
    """The depth of the statement that follows the edited one in the module (the innermost
    body with a statement after the path), else None (the module ends)."""
    for depth in range(len(indexes) - 1, -1, -1):
        if indexes[depth] + 1 < len(bodies[depth]):
            return depth
    return None


def _taken(parsed: cst.Module, blocks: list[Block], follows: int | None,
           module: cst.Module) -> cst.BaseStatement | None:
    """The edited statement out of its stand-in, if the stand-in parsed back to exactly the
    shape it was built as (else None)."""
    if parsed.header or parsed.footer or parsed.default_newline != module.default_newline:
        return None
    body: Body = parsed.body
    for depth in range(len(blocks) + 1):
        if len(body) != 1 + (follows == depth) or (follows == depth and not _is_pass(body[1])):
            return None
        node = body[0]
        if _leading(node):
            return None
        if depth == len(blocks):
            return node
        block = blocks[depth]
        if type(node) is not type(block):
            return None
        inner = node.body
        if not isinstance(inner, cst.IndentedBlock) or inner.footer \
                or inner.indent != _inner(block).indent:
            return None
        body = inner.body
    return None


def _is_pass(node: cst.BaseStatement) -> bool:
    return isinstance(node, cst.SimpleStatementLine) and not node.leading_lines \
        and len(node.body) == 1 and isinstance(node.body[0], cst.Pass)


def _spliced(module: cst.Module, blocks: list[Block], indexes: list[int],
             new: cst.BaseStatement) -> cst.Module:
    """`module` with the statement at `indexes` replaced by `new` (and each block around it
    rebuilt)."""
    child: cst.BaseStatement = new
    for depth in range(len(blocks) - 1, -1, -1):
        block, inner = blocks[depth], _inner(blocks[depth])
        child = block.with_changes(body=inner.with_changes(
            body=_put(inner.body, indexes[depth + 1], child)))
    return module.with_changes(body=_put(module.body, indexes[0], child))


def _put(body: Body, index: int, node: cst.BaseStatement) -> tuple[cst.BaseStatement, ...]:
    return (*body[:index], node, *body[index + 1:])


def _remember(last: _Last, blocks: list[Block], old: cst.BaseStatement, indexes: list[int],
              tree: cst.Module, new: cst.BaseStatement, size: int, delta: int) -> None:
    """The new tree's line counts: the new statement's, and each block around it moved by the
    lines the edit added."""
    lines = last.lines
    if len(lines) > MOST_REMEMBERED:
        lines.clear()
    lines.pop(id(old), None)
    lines[id(new)] = (new, size)
    body: Body = tree.body
    for depth, block in enumerate(blocks):
        kept = lines.pop(id(block), None)
        rebuilt = cast(Block, body[indexes[depth]])
        if kept is not None:
            lines[id(rebuilt)] = (rebuilt, kept[1] + delta)
        body = _inner(rebuilt).body
