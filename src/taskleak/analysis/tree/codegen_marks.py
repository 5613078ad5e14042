"""libcst's code generator, made to record where some nodes are instead of writing code
(`PositionState`: lines and columns, the numbers PositionProvider gives), or to write the code
and mark where they are in it (`MarkState`: placed once the code is found in the text), or
to write the code and count each statement's lines (`LineState`). What `positions.py` and
`reparse.py` generate nodes with."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import field

import libcst as cst
from libcst._nodes.internal import CodegenState

from taskleak.records import record

Range = tuple[int, int, int, int]  # start line (1-based), start col (0-based), end line, end col


class Done(Exception):
    """Raised by a state once its last wanted node is done: the generation stops there."""


_NOTHING: AbstractContextManager[None] = nullcontext()


@record
class PositionState(CodegenState):
    """Writes no code: counts lines and columns as it goes (`here`) and records the ranges of
    the `wanted` nodes (the numbers PositionProvider gives), stopping (`Done`) once the last of
    them, and of the `start_only` ones, is done."""

    wanted: frozenset[int] = frozenset()
    # nodes of which only the start is wanted: done as soon as it is known (a statement's
    # first line, for noqa comments), so the walk need not generate the rest of a compound one
    start_only: frozenset[int] = frozenset()
    found: dict[int, Range] = field(default_factory=dict)
    line: int = 1
    column: int = 0
    starts: dict[int, tuple[int, int]] = field(default_factory=dict)
    # children whose range a wanted node borrows (`end_node=`): recorded too, not counted
    helpers: set[int] = field(default_factory=set)
    remaining: int = 0

    def here(self) -> tuple[int, int]:
        """Where the code written so far ends: line and column."""
        return self.line, self.column

    def add_indent_tokens(self) -> None:
        for token in self.indent_tokens:
            self.column += len(token)

    def add_token(self, value: str) -> None:
        if "\n" in value or "\r" in value:
            lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            self.line += len(lines) - 1
            self.column = len(lines[-1])
        else:
            self.column += len(value)

    def _finish(self) -> None:
        self.remaining -= 1
        if self.remaining == 0:
            raise Done

    def before_codegen(self, node: cst.CSTNode) -> None:
        key = id(node)
        if key in self.wanted or key in self.helpers or key in self.start_only:
            self.starts[key] = self.here()

    def after_codegen(self, node: cst.CSTNode) -> None:
        key = id(node)
        if key in self.wanted or key in self.helpers:
            if key not in self.found:
                self.found[key] = (*self.starts[key], *self.here())
            if key in self.wanted:
                self._finish()
        elif key in self.start_only and key not in self.found:
            # a node without a syntactic position of its own (the module): its start is where
            # its code began
            line, column = self.starts[key]
            self.found[key] = (line, column, line, column)
            self._finish()

    def record_syntactic_position(  # type: ignore[override]
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ) -> AbstractContextManager[None]:
        key = id(node)
        if key in self.start_only:
            if key not in self.found and start_node is None:
                self.found[key] = (*self.here(), *self.here())
                self._finish()
            return _NOTHING
        if key not in self.wanted and key not in self.helpers:
            return _NOTHING  # most nodes: no generator-based context manager to build
        return self._record(node, start_node, end_node)

    @contextmanager
    def _record(self, node: cst.CSTNode, start_node: cst.CSTNode | None,
                end_node: cst.CSTNode | None) -> Iterator[None]:
        for borrowed in (start_node, end_node):
            if borrowed is not None:
                self.helpers.add(id(borrowed))
        start = self.here()
        yield
        end = self.here()
        if start_node is not None and id(start_node) in self.found:
            start = self.found[id(start_node)][:2]
        if end_node is not None and id(end_node) in self.found:
            end = self.found[id(end_node)][2:]
        self.found[id(node)] = (start[0], start[1], end[0], end[1])


@record
class MarkState(PositionState):
    """A `PositionState` that keeps the code it writes and marks a place by the number of
    tokens written before it (`here`: (count, 0)); `_in_function` and `_by_search` turn marks
    into lines and columns once they have found the code in the text. Unless `remaining` is
    set, it generates the whole node (counted down from 0, it never reaches 0 again)."""

    # nodes whose whole code (parentheses included) is wanted: where it ends, by mark (where
    # it starts is in `starts`)
    outer: frozenset[int] = frozenset()
    outer_ends: dict[int, int] = field(default_factory=dict)

    def here(self) -> tuple[int, int]:
        return len(self.tokens), 0

    def add_indent_tokens(self) -> None:
        self.tokens.extend(self.indent_tokens)

    def add_token(self, value: str) -> None:
        self.tokens.append(value)

    def after_codegen(self, node: cst.CSTNode) -> None:
        if id(node) in self.outer:
            self.outer_ends[id(node)] = len(self.tokens)
        super().after_codegen(node)


@record
class LineState(CodegenState):
    """Writes the code, and counts each statement's lines as it goes (`lines`, by node: what
    `reparse` needs to find an edited statement)."""

    lines: dict[int, tuple[cst.CSTNode, int]] = field(default_factory=dict)
    line: int = 0
    starts: list[int] = field(default_factory=list)

    def add_token(self, value: str) -> None:
        self.line += value.count("\n")
        self.tokens.append(value)

    def before_codegen(self, node: cst.CSTNode) -> None:
        if isinstance(node, _STATEMENTS):
            self.starts.append(self.line)

    def after_codegen(self, node: cst.CSTNode) -> None:
        if isinstance(node, _STATEMENTS):
            self.lines[id(node)] = (node, self.line - self.starts.pop())


_STATEMENTS = (cst.BaseCompoundStatement, cst.SimpleStatementLine)
