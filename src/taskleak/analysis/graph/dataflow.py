"""A forward dataflow solver over a `Graph`: the engine of every path question.

`solve` computes, for each point, the state on entry to it: the join of what every edge into
it carries. A normal edge carries the state after its source (`transfer`); an exception edge
carries both the state before the source and after it, since the exception may come from any
part of the statement (the two merged). States are values of a join semilattice the
caller gives (`merge`, with `bottom` for "no path reaches here"); the solver stops when nothing
changes, so `transfer` must be monotone and the lattice finite in height (every analysis here
uses sets of small finite facts).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from taskleak.analysis.graph.cfg import Edge, EdgeKind, Graph, Point

S = TypeVar("S")


class Solution(Generic[S]):
    """The state on entry to each point (`before`): every path question reads that."""

    def __init__(self, before: list[S]) -> None:
        self.before = before


def solve(graph: Graph, start: S, bottom: S, merge: Callable[[S, S], S],
          transfer: Callable[[Point, S], S],
          branch: Callable[[Point, Edge, S], S] | None = None, raised_before: bool = False,
          limit: int = 100_000, raises: Callable[[Point], bool] | None = None) -> Solution[S]:
    """The fixed point of `transfer` over `graph` from `start` at its entry (see the module
    docstring). `branch`: what an edge out of a test adds to the state it carries (`x is None`
    holds on the `TRUE` edge); `raised_before`: an exception edge carries only the state before
    its point (the point's effect, a store at the end of its statement, did not happen).
    `raises`: the points whose exception edges to follow (all when None: `cfg.may_fail` keeps
    those of the steps that may fail). `limit` bounds the work (visits of points) for a
    pathological graph: past it the solver raises `RuntimeError`, which callers treat as "not
    followed"."""
    points = graph.points
    before: list[S] = [bottom] * len(points)
    before[graph.entry] = start
    todo = [graph.entry]
    queued = {graph.entry}
    visits = 0
    while todo:
        index = todo.pop()
        queued.discard(index)
        visits += 1
        if visits > limit:
            raise RuntimeError(f"dataflow did not settle in {limit} steps")
        point = points[index]
        out = transfer(point, before[index])
        for edge in point.edges:
            if edge.kind is EdgeKind.RAISE and raises is not None and not raises(point):
                continue
            if edge.kind is EdgeKind.RAISE:
                carried = before[index] if raised_before else merge(before[index], out)
            else:
                carried = out if branch is None else branch(point, edge, out)
            merged = merge(before[edge.target], carried)
            if merged != before[edge.target] and edge.target not in queued:
                before[edge.target] = merged
                todo.append(edge.target)
                queued.add(edge.target)
            elif merged != before[edge.target]:
                before[edge.target] = merged
    return Solution(before)
