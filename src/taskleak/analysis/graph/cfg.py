"""The control-flow graph of one function body (or of a module's top level), over libcst.

A `Point` is where something happens: a small statement (`t = spawn()`, `await t`,
`return t`), or the header of a compound statement (an `if`'s or `while`'s test, a `for`'s
iterable and each next item, a `with`'s items, an `except`'s match, a `match`'s subject and
each `case`). An `Edge` says what may run next: the next point on a normal way (`NEXT`, or
`TRUE`/`FALSE` out of a test), or where an exception raised at the point goes (`RAISE`: to the
`try`'s handlers, through `finally`, or out of the function). A `finally` body is built once for
each way it is entered (falling through, `return`, `break`, `continue`, an exception), as
CPython's compiler builds it, so that no path mixes them; the same statement can then be more
than one point (`Graph.points_of`).

Two exits close every graph: `Graph.returned` (a `return`, or the end of the body) and
`Graph.raised` (an exception leaves the function). Nested functions, classes and lambdas are
one point where they are defined: their bodies run at another time and get graphs of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from enum import Enum

import libcst as cst

from taskleak.analysis.tree.nodes import failing_step
from taskleak.records import record


class Role(Enum):
    """What a point is."""

    ENTRY = "entry"
    STATEMENT = "statement"  # a small statement (`return`, `raise`, `t = ...` included)
    TEST = "test"  # an `if`'s or a `while`'s test (`TRUE`/`FALSE` edges out)
    ITERABLE = "iterable"  # a `for`'s iterable, evaluated once
    ITEM = "item"  # a `for`'s next item: `TRUE` into the body, `FALSE` when exhausted
    WITH = "with"  # a `with`'s items, entered
    HANDLER = "handler"  # an `except`'s match: `TRUE` into its body, `FALSE` to the next
    SUBJECT = "subject"  # a `match`'s subject
    CASE = "case"  # a `case`'s pattern (and guard)
    DEFINITION = "definition"  # a nested `def` or `class`: binds a name, runs nothing yet
    JOIN = "join"  # where a `finally` copy or a suppressed exception's way begins: no code
    RETURNED = "returned"  # exit: the function returns (a `return`, or the end of its body)
    RAISED = "raised"  # exit: an exception leaves the function


class EdgeKind(Enum):
    NEXT = "next"
    TRUE = "true"  # a test holds, an item is taken, a handler or a case matches
    FALSE = "false"  # a test fails, the items are exhausted, a handler or case does not match
    RAISE = "raise"  # an exception raised at the point


class Way(Enum):
    """How a `finally` body (or the way out of a loop) is entered: each has its own copy."""

    FALLS = "falls"
    RETURN = "return"
    BREAK = "break"
    CONTINUE = "continue"
    RAISE = "raise"


@record(frozen=True)
class Edge:
    target: int
    kind: EdgeKind


@record(eq=False)
class Point:
    index: int
    role: Role
    node: cst.CSTNode | None = None  # the small statement or the compound statement
    # the ways this point's `finally` copy was entered, innermost first (() outside any)
    ways: tuple[Way, ...] = ()
    edges: list[Edge] = field(default_factory=list)

    def successors(self, kind: EdgeKind | None = None) -> Iterator[int]:
        return (e.target for e in self.edges if kind is None or e.kind is kind)

    @property
    def raises(self) -> bool:
        return any(e.kind is EdgeKind.RAISE for e in self.edges)


@record(eq=False)
class Graph:
    """The points of one body, `points[0]` its entry."""

    body: cst.CSTNode  # the function (or module) whose body this is
    points: list[Point]
    returned: int  # the exit a `return` (or the end of the body) reaches
    raised: int  # the exit an escaping exception reaches
    # id(node) -> the points that node is (more than one inside a `finally` body)
    by_node: dict[int, list[int]] = field(default_factory=dict)

    @property
    def entry(self) -> int:
        return 0

    def points_of(self, node: cst.CSTNode) -> list[int]:
        """The points `node` (a small statement or a compound statement) is, in build order."""
        return self.by_node.get(id(node), [])


def may_fail(point: Point) -> bool:
    """Whether the function may be left by an error or a cancellation at `point` (`RAISE` edges
    leave every point; this says which of them to believe): a small statement holding a step
    that may fail (`nodes.failing_step`: an `await`, a `raise`, an `async for` or `async
    with`; RUBRIC convention 4 counts no plain call: `task.add_done_callback(cb)`,
    `log.info(...)`), or a header whose own evaluation holds one (a test, an iterable, a
    `with`'s items; an `async for` or `async with` awaits). An entry or an exit says nothing:
    taken as able."""
    node = point.node
    if node is None:
        return True
    if point.role is Role.STATEMENT:
        return failing_step(node) is not None
    if isinstance(node, (cst.For, cst.With)) and node.asynchronous is not None:
        return True
    if point.role is Role.TEST and isinstance(node, (cst.If, cst.While)):
        return failing_step(node.test) is not None
    if point.role is Role.ITERABLE and isinstance(node, cst.For):
        return failing_step(node.iter) is not None
    if point.role is Role.WITH and isinstance(node, cst.With):
        return any(failing_step(item.item) is not None for item in node.items)
    return False
