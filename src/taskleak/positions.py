"""Line and column of a few nodes, without libcst's PositionProvider.

PositionProvider records a range for every node of the module and needs a MetadataWrapper
visit on top; here only the spawn calls and their statements are wanted. This runs libcst's own
code generator (so the numbers are the same as PositionProvider's), records only the wanted
nodes, keeps no generated text, and stops as soon as the last wanted node is done.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import libcst as cst
from libcst._nodes.internal import CodegenState

Range = tuple[int, int, int, int]  # start line (1-based), start col (0-based), end line, end col


class _Done(Exception):
    pass


@dataclass
class _PositionState(CodegenState):
    wanted: frozenset[int] = frozenset()
    found: dict[int, Range] = field(default_factory=dict)
    line: int = 1
    column: int = 0
    starts: dict[int, tuple[int, int]] = field(default_factory=dict)
    # children whose range a wanted node borrows (`end_node=`): recorded too, not counted
    helpers: set[int] = field(default_factory=set)
    done: int = 0

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

    def before_codegen(self, node: cst.CSTNode) -> None:
        key = id(node)
        if key in self.wanted or key in self.helpers:
            self.starts[key] = (self.line, self.column)

    def after_codegen(self, node: cst.CSTNode) -> None:
        key = id(node)
        if key in self.wanted or key in self.helpers:
            if key not in self.found:
                start = self.starts[key]
                self.found[key] = (start[0], start[1], self.line, self.column)
            if key in self.wanted:
                self.done += 1
                if self.done == len(self.wanted):
                    raise _Done

    @contextmanager
    def record_syntactic_position(
        self,
        node: cst.CSTNode,
        *,
        start_node: cst.CSTNode | None = None,
        end_node: cst.CSTNode | None = None,
    ) -> Iterator[None]:
        if id(node) not in self.wanted and id(node) not in self.helpers:
            yield
            return
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


def positions(module: cst.Module, nodes: Iterable[cst.CSTNode]) -> dict[int, Range]:
    """{id(node): (line, column, end_line, end_column)} like PositionProvider's CodeRange."""
    wanted = frozenset(id(n) for n in nodes)
    if not wanted:
        return {}
    state = _PositionState(default_indent=module.default_indent,
                           default_newline=module.default_newline, wanted=wanted)
    try:
        module._codegen(state)
    except _Done:
        pass
    return {k: v for k, v in state.found.items() if k in wanted}
