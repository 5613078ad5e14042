"""How a body becomes a `Graph` (see `cfg.py` for what the points and edges mean).

The builder keeps "ends": the edges of the points built so far that wait for what comes next.
Each statement takes the ends that reach it and gives back the ends that leave it normally.
`break`, `continue` and `return` leave through the frames around them, innermost first: each
`finally` they cross is copied for that way (once per `try` and way, then shared), each loop
they reach takes them. An exception raised at a point goes to the innermost frame that takes
it: the `try`'s first handler, the `finally` copy for exceptions, a `with suppress(...)`, or
the function's `raised` exit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import field

import libcst as cst

from taskleak.analysis.graph.cfg import Edge, EdgeKind, Graph, Point, Role, Way
from taskleak.analysis.tree.nodes import always_true, dotted
from taskleak.records import record

Ends = list[tuple[int, EdgeKind]]
# whether a `with` item (its context manager expression) suppresses an exception of its body
Suppresses = Callable[[cst.BaseExpression], bool]


@record(frozen=True)
class Cancels:
    """Where a cancellation goes: `only` says a small statement can raise nothing else (`await
    asyncio.sleep(1)`), `may_catch` that an `except` clause may catch one, `catches` that it
    surely does (bare, `BaseException`, `CancelledError`). Such a statement's exception goes
    past the handlers that cannot catch it (`except OSError`) to the first that may, and into
    the body of one that surely does (not on to the next handler), or on out."""

    only: Callable[[cst.CSTNode], bool]
    may_catch: Callable[[cst.ExceptHandler | cst.ExceptStarHandler], bool]
    catches: Callable[[cst.ExceptHandler | cst.ExceptStarHandler], bool]

# small statements that cannot raise
_QUIET = (cst.Pass, cst.Global, cst.Nonlocal, cst.Break, cst.Continue)
# handlers that take every exception: no way on to the next handler
_CATCH_ALL = frozenset({"BaseException", "builtins.BaseException"})


@record(eq=False)
class _Loop:
    head: int  # where `continue` goes: the `while`'s test, the `for`'s next item
    breaks: Ends = field(default_factory=list)


@record(eq=False)
class _Finally:
    body: cst.BaseSuite
    copies: dict[Way, int] = field(default_factory=dict)  # way -> its copy's JOIN point


@record(eq=False)
class _Handlers:
    first: int  # the first `except`'s HANDLER point
    cancel: int | None = None  # ... of the first that may catch a cancellation (`Cancels`)


@record(eq=False)
class _Suppress:
    join: int  # a suppressed exception goes on after the `with`


_Frame = _Loop | _Finally | _Handlers | _Suppress


class Builder:
    """Builds the graph of one body (a function's or a module's)."""

    def __init__(self, owner: cst.CSTNode, suppresses: Suppresses,
                 cancels: Cancels | None = None) -> None:
        self.owner = owner
        self.suppresses = suppresses
        self.cancels = cancels
        self.points: list[Point] = []
        self.by_node: dict[int, list[int]] = {}
        self._ways: tuple[Way, ...] = ()
        self._new(Role.ENTRY)
        self.returned = self._new(Role.RETURNED)
        self.raised = self._new(Role.RAISED)

    def graph(self, body: Sequence[cst.BaseStatement] | cst.BaseSuite) -> Graph:
        ends = self._block(body, [(0, EdgeKind.NEXT)], ())
        self._link(ends, self.returned)
        return Graph(self.owner, self.points, self.returned, self.raised, self.by_node)

    # -- points and edges -------------------------------------------------------------
    def _new(self, role: Role, node: cst.CSTNode | None = None) -> int:
        index = len(self.points)
        self.points.append(Point(index, role, node, self._ways))
        if node is not None:
            self.by_node.setdefault(id(node), []).append(index)
        return index

    def _link(self, ends: Ends, target: int) -> None:
        for source, kind in ends:
            self.points[source].edges.append(Edge(target, kind))

    def _point(self, role: Role, node: cst.CSTNode, ends: Ends,
               frames: tuple[_Frame, ...], raises: bool = True, cancel: bool = False) -> int:
        """A new point that `ends` reach, with its exception edge (`cancel`: it can raise
        only a cancellation)."""
        index = self._new(role, node)
        self._link(ends, index)
        if raises:
            self.points[index].edges.append(Edge(self._catcher(frames, cancel),
                                                 EdgeKind.RAISE))
        return index

    # -- statements -------------------------------------------------------------------
    def _block(self, body: Sequence[cst.BaseStatement] | cst.BaseSuite, ends: Ends,
               frames: tuple[_Frame, ...]) -> Ends:
        stmts: Sequence[cst.CSTNode]
        if isinstance(body, cst.IndentedBlock):
            stmts = body.body
        elif isinstance(body, cst.SimpleStatementSuite):
            stmts = body.body  # `if x: a; b` : small statements on the header's line
        elif isinstance(body, cst.BaseSuite):
            stmts = ()
        else:
            stmts = body
        for stmt in stmts:
            ends = self._statement(stmt, ends, frames)
        return ends

    def _statement(self, stmt: cst.CSTNode, ends: Ends, frames: tuple[_Frame, ...]) -> Ends:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                ends = self._small(small, ends, frames)
            return ends
        if isinstance(stmt, cst.BaseSmallStatement):  # in a SimpleStatementSuite
            return self._small(stmt, ends, frames)
        if isinstance(stmt, cst.If):
            return self._if(stmt, ends, frames)
        if isinstance(stmt, cst.While):
            return self._while(stmt, ends, frames)
        if isinstance(stmt, cst.For):
            return self._for(stmt, ends, frames)
        if isinstance(stmt, (cst.Try, cst.TryStar)):
            return self._try(stmt, ends, frames)
        if isinstance(stmt, cst.With):
            return self._with(stmt, ends, frames)
        if isinstance(stmt, cst.Match):
            return self._match(stmt, ends, frames)
        # a nested def or class: it binds a name now, its body runs later
        return [(self._point(Role.DEFINITION, stmt, ends, frames), EdgeKind.NEXT)]

    def _small(self, small: cst.CSTNode, ends: Ends, frames: tuple[_Frame, ...]) -> Ends:
        index = self._point(Role.STATEMENT, small, ends, frames,
                            raises=not isinstance(small, _QUIET),
                            cancel=self.cancels is not None and self.cancels.only(small))
        out: Ends = [(index, EdgeKind.NEXT)]
        if isinstance(small, cst.Return):
            self._leave(Way.RETURN, out, frames)
            return []
        if isinstance(small, (cst.Break, cst.Continue)):
            self._leave(Way.BREAK if isinstance(small, cst.Break) else Way.CONTINUE, out, frames)
            return []
        if isinstance(small, cst.Raise):
            return []  # its one way on is its exception edge
        return out

    def _if(self, stmt: cst.If, ends: Ends, frames: tuple[_Frame, ...]) -> Ends:
        test = self._point(Role.TEST, stmt, ends, frames)
        out = self._block(stmt.body, [(test, EdgeKind.TRUE)], frames)
        other: Ends = [(test, EdgeKind.FALSE)]
        if isinstance(stmt.orelse, cst.If):
            return out + self._if(stmt.orelse, other, frames)
        if isinstance(stmt.orelse, cst.Else):
            return out + self._block(stmt.orelse.body, other, frames)
        return out + other

    def _while(self, stmt: cst.While, ends: Ends, frames: tuple[_Frame, ...]) -> Ends:
        test = self._point(Role.TEST, stmt, ends, frames)
        loop = _Loop(test)
        self._link(self._block(stmt.body, [(test, EdgeKind.TRUE)], (*frames, loop)), test)
        out: Ends = []
        if not always_true(stmt.test):
            done: Ends = [(test, EdgeKind.FALSE)]
            out = self._block(stmt.orelse.body, done, frames) if stmt.orelse else done
        return out + loop.breaks

    def _for(self, stmt: cst.For, ends: Ends, frames: tuple[_Frame, ...]) -> Ends:
        iterable = self._point(Role.ITERABLE, stmt, ends, frames)
        item = self._point(Role.ITEM, stmt, [(iterable, EdgeKind.NEXT)], frames)
        loop = _Loop(item)
        self._link(self._block(stmt.body, [(item, EdgeKind.TRUE)], (*frames, loop)), item)
        done: Ends = [(item, EdgeKind.FALSE)]
        out = self._block(stmt.orelse.body, done, frames) if stmt.orelse else done
        return out + loop.breaks

    def _with(self, stmt: cst.With, ends: Ends, frames: tuple[_Frame, ...]) -> Ends:
        enter = self._point(Role.WITH, stmt, ends, frames)
        if not any(self.suppresses(item.item) for item in stmt.items):
            return self._block(stmt.body, [(enter, EdgeKind.NEXT)], frames)
        join = self._new(Role.JOIN)  # an exception it suppresses goes on after the `with`,
        self.points[join].edges.append(Edge(self._catcher(frames), EdgeKind.RAISE))  # another on
        out = self._block(stmt.body, [(enter, EdgeKind.NEXT)], (*frames, _Suppress(join)))
        return [*out, (join, EdgeKind.NEXT)]

    def _match(self, stmt: cst.Match, ends: Ends, frames: tuple[_Frame, ...]) -> Ends:
        subject = self._point(Role.SUBJECT, stmt, ends, frames)
        out: Ends = []
        nxt: Ends = [(subject, EdgeKind.NEXT)]
        for case in stmt.cases:
            point = self._point(Role.CASE, case, nxt, frames)
            out += self._block(case.body, [(point, EdgeKind.TRUE)], frames)
            nxt = [] if _irrefutable(case) else [(point, EdgeKind.FALSE)]
        return out + nxt

    def _try(self, stmt: cst.Try | cst.TryStar, ends: Ends, frames: tuple[_Frame, ...]) -> Ends:
        fin = (_Finally(stmt.finalbody.body),) if stmt.finalbody is not None else ()
        outer = (*frames, *fin)
        caught: Sequence[cst.ExceptHandler | cst.ExceptStarHandler] = stmt.handlers
        handlers = [self._new(Role.HANDLER, h) for h in caught]
        cancel, sure = self._cancel_catcher(handlers, caught)
        inner = (*outer, _Handlers(handlers[0], cancel)) if handlers else outer
        out = self._block(stmt.body, ends, inner)
        if stmt.orelse is not None:
            out = self._block(stmt.orelse.body, out, outer)
        for k, (point, handler) in enumerate(zip(handlers, caught, strict=True)):
            into: Ends = [(point, EdgeKind.TRUE)]
            if sure is not None and sure[0] == point:  # a cancellation it surely catches
                into.append((sure[1], EdgeKind.NEXT))
            out += self._block(handler.body, into, outer)
            if k + 1 < len(handlers):
                self.points[point].edges.append(Edge(handlers[k + 1], EdgeKind.FALSE))
            elif not _catches_all(handler):
                self.points[point].edges.append(Edge(self._catcher(outer), EdgeKind.FALSE))
        if not fin:
            return out
        return self._finally_body(fin[0], Way.FALLS, out, frames)

    def _cancel_catcher(self, handlers: list[int],
                        caught: Sequence[cst.ExceptHandler | cst.ExceptStarHandler]
                        ) -> tuple[int | None, tuple[int, int] | None]:
        """Where a cancellation raised in a `try` body goes first (None: past every handler),
        and, when that handler surely catches it, (its HANDLER point, an entry into its body
        that does not go on to the next handler)."""
        if self.cancels is None:
            return (handlers[0] if handlers else None), None
        for point, handler in zip(handlers, caught, strict=True):
            if self.cancels.catches(handler):
                entry = self._new(Role.JOIN)
                return entry, (point, entry)
            if self.cancels.may_catch(handler):
                return point, None
        return None, None

    # -- leaving through frames -------------------------------------------------------
    def _leave(self, way: Way, ends: Ends, frames: tuple[_Frame, ...]) -> None:
        """Take `ends` out by `way` (return, break, continue), through every `finally` on the
        way (each copied once per way), to the loop or the exit that takes them."""
        for depth in range(len(frames) - 1, -1, -1):
            frame = frames[depth]
            if isinstance(frame, _Finally):
                self._link(ends, self._finally_copy(frame, way, frames[:depth]))
                return
            if isinstance(frame, _Loop) and way is Way.BREAK:
                frame.breaks.extend(ends)
                return
            if isinstance(frame, _Loop) and way is Way.CONTINUE:
                self._link(ends, frame.head)
                return
        self._link(ends, self.returned)  # (a `break` outside a loop does not parse)

    def _catcher(self, frames: tuple[_Frame, ...], cancel: bool = False) -> int:
        """Where an exception raised inside `frames` goes first (`cancel`: a cancellation,
        which handlers that cannot catch one let through)."""
        for depth in range(len(frames) - 1, -1, -1):
            frame = frames[depth]
            if isinstance(frame, _Handlers):
                if not cancel:
                    return frame.first
                if frame.cancel is not None:
                    return frame.cancel
                continue  # no handler of this `try` can catch it
            if isinstance(frame, _Suppress):
                return frame.join
            if isinstance(frame, _Finally):
                return self._finally_copy(frame, Way.RAISE, frames[:depth])
        return self.raised

    def _finally_copy(self, frame: _Finally, way: Way, outer: tuple[_Frame, ...]) -> int:
        """The JOIN point of `frame`'s `finally` body copied for `way` (built once)."""
        known = frame.copies.get(way)
        if known is not None:
            return known
        saved = self._ways
        self._ways = (way, *saved)
        join = frame.copies[way] = self._new(Role.JOIN)
        out = self._block(frame.body, [(join, EdgeKind.NEXT)], outer)
        self._ways = saved
        if way is Way.RAISE:  # the exception goes on once the `finally` is done
            onward = Edge(self._catcher(outer), EdgeKind.RAISE)
            for source, _ in out:
                if onward not in self.points[source].edges:
                    self.points[source].edges.append(onward)
        else:
            self._leave(way, out, outer)
        return join

    def _finally_body(self, frame: _Finally, way: Way, ends: Ends,
                      outer: tuple[_Frame, ...]) -> Ends:
        """The `finally` body run as the `try` falls through: inline, its ends go on."""
        saved = self._ways
        self._ways = (way, *saved)
        out = self._block(frame.body, ends, outer)
        self._ways = saved
        return out


def _catches_all(handler: cst.ExceptHandler | cst.ExceptStarHandler) -> bool:
    if handler.type is None:
        return True  # a bare `except:`
    return dotted(handler.type) in _CATCH_ALL


def _irrefutable(case: cst.MatchCase) -> bool:
    """`case _:` or `case name:` with no guard: every subject matches."""
    pattern = case.pattern
    return case.guard is None and isinstance(pattern, cst.MatchAs) and pattern.pattern is None


def graph_of(body_owner: cst.FunctionDef | cst.Module, suppresses: Suppresses,
             cancels: Cancels | None = None) -> Graph:
    """The graph of a function's body, or of a module's top level; `suppresses` says which
    context managers of its `with` statements suppress an exception raised in their body
    (`contextlib.suppress(...)`, as the caller's names resolve it): after one, the exception's
    way goes on after the `with`; `cancels`, which statements raise only a cancellation and
    which handlers may catch one (None: every statement may raise anything)."""
    builder = Builder(body_owner, suppresses, cancels)
    if isinstance(body_owner, cst.Module):
        return builder.graph(body_owner.body)
    return builder.graph(body_owner.body)
