"""Line and column of a few nodes, without libcst's PositionProvider.

PositionProvider records a range for every node of the module and needs a MetadataWrapper
visit on top; here only the spawn calls and their statements are wanted. This runs libcst's own
code generator (so the numbers are the same as PositionProvider's), records only the wanted
nodes, keeps no generated text, and stops as soon as the last wanted node is done.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field

import libcst as cst
from libcst._nodes.internal import CodegenState

Range = tuple[int, int, int, int]  # start line (1-based), start col (0-based), end line, end col


class _Done(Exception):
    pass


_NOTHING: AbstractContextManager[None] = nullcontext()


@dataclass
class _PositionState(CodegenState):
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
            raise _Done

    def before_codegen(self, node: cst.CSTNode) -> None:
        key = id(node)
        if key in self.wanted or key in self.helpers or key in self.start_only:
            self.starts[key] = (self.line, self.column)

    def after_codegen(self, node: cst.CSTNode) -> None:
        key = id(node)
        if key in self.wanted or key in self.helpers:
            if key not in self.found:
                start = self.starts[key]
                self.found[key] = (start[0], start[1], self.line, self.column)
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
                self.found[key] = (self.line, self.column, self.line, self.column)
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
        start = (self.line, self.column)
        yield
        end = (self.line, self.column)
        if start_node is not None and id(start_node) in self.found:
            start = self.found[id(start_node)][:2]
        if end_node is not None and id(end_node) in self.found:
            end = self.found[id(end_node)][2:]
        self.found[id(node)] = (start[0], start[1], end[0], end[1])


def positions(module: cst.Module, nodes: Iterable[cst.CSTNode],
              starts_of: Iterable[cst.CSTNode] = ()) -> dict[int, Range]:
    """{id(node): (line, column, end_line, end_column)} like PositionProvider's CodeRange.

    For `starts_of` only the start is computed (the range is empty: `(line, column, line,
    column)`), which lets the walk stop earlier."""
    wanted = frozenset(id(n) for n in nodes)
    start_only = frozenset(id(n) for n in starts_of) - wanted
    if not wanted and not start_only:
        return {}
    state = _PositionState(default_indent=module.default_indent,
                           default_newline=module.default_newline, wanted=wanted,
                           start_only=start_only, remaining=len(wanted) + len(start_only))
    try:
        module._codegen(state)
    except _Done:
        pass
    return {k: v for k, v in state.found.items() if k in wanted or k in start_only}
