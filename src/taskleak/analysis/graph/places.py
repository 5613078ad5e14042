"""Which point of a function's graph each read of the scan happens at.

The scan records a read (`Occurrence`) or a call (`CallSite`) with the walk's count (`seq`) at
its node, not the statement around it. `Places` walks the function again the same way (the same
`Walker`, the same children skipped: the scan does not enter imports and `global`/`nonlocal`
statements), counting from the function's own count (`Scope.seq`), and keeps each statement's
span of counts: a read belongs to the innermost statement whose span holds its count, and so to
that statement's points (a compound statement's header point for a read in its test, iterable,
items or pattern). A test holds the spans to the scan's own statements (`CallSite.statement`).
"""

from __future__ import annotations

import bisect

import libcst as cst

from taskleak.analysis.graph.cfg import Graph
from taskleak.analysis.tree.walk import Walker

# what the scan does not walk into (its `visit_` returns False)
_UNWALKED = (cst.Import, cst.ImportFrom, cst.Global, cst.Nonlocal)
# what is a point of a graph: a small statement, a compound statement (its header), an except
# handler (its match) and a `case` (its pattern)
_POINTED = (cst.BaseSmallStatement, cst.BaseCompoundStatement, cst.ExceptHandler,
            cst.ExceptStarHandler, cst.MatchCase)


class _Spans(Walker):
    """Counts like the scan, keeping (first count, last count, node) of every pointed node."""

    def __init__(self, start: int) -> None:
        super().__init__()
        self.seq = start
        self.spans: list[tuple[int, int, cst.CSTNode]] = []
        self._open: list[tuple[int, cst.CSTNode]] = []

    def walk(self, node: cst.CSTNode) -> None:
        pointed = isinstance(node, _POINTED)
        if pointed:
            self._open.append((self.seq + 1, node))
        if isinstance(node, _UNWALKED):
            self.seq += 1  # counted, its children not
        else:
            super().walk(node)
        if pointed:
            first, _ = self._open.pop()
            self.spans.append((first, self.seq, node))


class Places:
    """The statement, and the points, of each count within one function (or module) body."""

    def __init__(self, graph: Graph, body_seq: int) -> None:
        self.graph = graph
        spans = _Spans(body_seq - 1)
        spans.walk(graph.body)
        # innermost first among spans that start at the same count: sorted by start, then by
        # length (shorter after longer), and searched backwards
        self._spans = sorted(spans.spans, key=lambda s: (s[0], -(s[1] - s[0])))
        self._starts = [s[0] for s in self._spans]

    def statement(self, seq: int) -> cst.CSTNode | None:
        """The innermost pointed node whose span holds `seq`, or None (outside the body)."""
        k = bisect.bisect_right(self._starts, seq) - 1
        while k >= 0:
            first, last, node = self._spans[k]
            if first <= seq <= last and node is not self.graph.body:
                return node
            k -= 1
        return None

    def points(self, seq: int) -> list[int]:
        """The points a read at `seq` happens at (several inside a `finally` body)."""
        node = self.statement(seq)
        return self.graph.points_of(node) if node is not None else []
