"""May the holder a spawn stores into still hold a live task here? A path question.

A spawn stored into an attribute or a dict entry (`self._heartbeat = spawn(...)`) overwrites
what the holder held. When the spawning function runs again (a reconnect, the next message),
the task stored by the run before may still be running: the overwrite then leaves it running
with nothing to reach it. This module answers, on the spawning function's graph, whether
some path from the function's entry reaches the store with the holder possibly holding such a
task (`live_at`):

- at the entry the holder may hold the task of an earlier run (`EARLIER`); past the spawn's
  store it holds this run's own task (`OWN`), which a loop may bring back to the store;
- an end of the same holder on the way makes it `ENDED`: a cancel, an await, a gather or a
  `.result()` of it (`ends`, the reads the ownership analysis found to end it), or a call of a
  method of the class that ends it (`self.stop()` before `self._task = spawn()`);
- a test that says the holder holds no live task makes it `ENDED` on that branch (`if
  self._task is None`, `if not self._task or self._task.done()`, `if uid not in self._tasks`);
- a store of `None` empties it (`ENDED`); a store of anything else may hold a task
  (`EARLIER`).

A read that does nothing to the task (`log.info("restart %s", self._task)`, `if self._task:`
alone) changes nothing: only an end on every path counts. An exception raised at a point
carries the state from before it: the store at the end of its statement did not happen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum

import libcst as cst

from taskleak.analysis.graph.build import Cancels, graph_of
from taskleak.analysis.graph.cfg import Edge, EdgeKind, Graph, Point, Role, may_fail
from taskleak.analysis.graph.dataflow import solve
from taskleak.analysis.graph.places import Places
from taskleak.analysis.names.asyncio_waits import raises_only_a_cancel, suppresses
from taskleak.analysis.names.handlers import catches_a_cancel
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.guards import absent, reads, returned_by_member
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import dotted, is_none
from taskleak.analysis.tree.scopes import CallSite, Occurrence, Scope, ScopeKind
from taskleak.records import record


class Held(Enum):
    EARLIER = "earlier"  # may hold a running task an earlier run stored (or any other task)
    OWN = "own"  # holds the task this run's spawn stored, running
    ENDED = "ended"  # holds nothing, or a task ended on the way here
    # an earlier run's task ended on the way here by an end some other path does not pass
    # (`if connected: await self._reset()`): whether the other path's task still runs turns
    # on that condition, which is not followed
    STOPPED = "stopped"


State = frozenset[Held]
_EARLIER: State = frozenset({Held.EARLIER})
_OWN: State = frozenset({Held.OWN})
_ENDED: State = frozenset({Held.ENDED})
_STOPPED: State = frozenset({Held.STOPPED})
_NONE: State = frozenset()


@record(frozen=True)
class Overwrite:
    """What the holder may hold where the spawn stores into it, on some path."""

    earlier: bool  # a running task of an earlier run (or stored elsewhere in the function)
    own: bool  # the task this very run stored there before (a loop comes round to the spawn)
    # ... and an earlier run's task ended on another path to the store: the overwrite rests on
    # the condition that chose the path (`Held.STOPPED`)
    stopped: bool = False


class FunctionGraphs:
    """Each function's graph and places, built once (a module's spawns ask about the same few
    functions); `resolver` says which `with` statements suppress an exception."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._built: dict[int, tuple[Graph, Places] | None] = {}

    def _cancels(self, function: Scope) -> Cancels:
        """A step that raises only a cancellation (`await asyncio.sleep(1)`) reaches only the
        handlers that may catch one (`names/handlers.py`)."""
        return Cancels(lambda small: raises_only_a_cancel(small, function, self.resolver),
                       lambda handler: isinstance(handler, cst.ExceptStarHandler)
                       or catches_a_cancel(handler, function),
                       lambda handler: isinstance(handler, cst.ExceptHandler)
                       and catches_a_cancel(handler, function, surely=True))

    def of(self, function: Scope) -> tuple[Graph, Places] | None:
        key = id(function)
        if key not in self._built:
            node = function.node
            built = None
            if isinstance(node, cst.FunctionDef):
                graph = graph_of(node, lambda item: suppresses(item, function, self.resolver),
                                 self._cancels(function))
                built = (graph, Places(graph, function.seq))
            self._built[key] = built
        return self._built[key]


def live_at(site: CallSite, keys: frozenset[str], ends: Sequence[Occurrence],
            graphs: FunctionGraphs) -> Overwrite | None:
    """What the holder (`keys`, as written in the spawn's function) may hold, not ended, where
    the spawn at `site` stores into it; None when the question cannot be asked (a spawn outside
    a function, or a graph that does not settle)."""
    function = _function(site.scope)
    built = graphs.of(function) if function is not None else None
    if function is None or built is None:
        return None
    graph, places = built
    ending = {o.seq for o in ends if o.scope is function}
    ending |= ending_calls(function, ends)
    at: dict[int, list[int]] = {}
    for seq in ending:
        for point in places.points(seq):
            at.setdefault(point, []).append(seq)
    stores = set(graph.points_of(_small_statement(site, places)))
    if not stores:
        return None
    tested = keys | _aliases(graph, keys)

    def transfer(point: Point, state: State) -> State:
        if point.index in stores:
            return _OWN
        if point.index in at:
            return _STOPPED if Held.EARLIER in state else _ENDED
        stored = _stored(point, keys)
        return stored if stored is not None else state

    def branch(point: Point, edge: Edge, state: State) -> State:
        if point.role is not Role.TEST or edge.kind not in (EdgeKind.TRUE, EdgeKind.FALSE):
            return state
        assert isinstance(point.node, (cst.If, cst.While))
        test = expand_properties(point.node.test, function)
        for key in tested:
            says = absent(test, key)
            if says is not None and says is (edge.kind is EdgeKind.TRUE):
                return _ENDED
        return state

    try:
        solution = solve(graph, _EARLIER, _NONE, frozenset.union, transfer, branch,
                         raised_before=True)
        own = any(Held.OWN in solution.before[p] for p in stores)
        if own:  # a loop brings its own task back to the store: by a way that may be taken?
            # (a retry loop goes round only when a later step fails: `cfg.may_fail`)
            failing = solve(graph, _EARLIER, _NONE, frozenset.union, transfer, branch,
                            raised_before=True, raises=may_fail)
            own = any(Held.OWN in failing.before[p] for p in stores)
    except RuntimeError:
        return None
    return Overwrite(earlier=any(Held.EARLIER in solution.before[p] for p in stores),
                     own=own, stopped=any(Held.STOPPED in solution.before[p] for p in stores))


def expand_properties(test: cst.BaseExpression, function: Scope) -> cst.BaseExpression:
    """`self.resetting` (or `not self.resetting`) where `resetting` is a property of the
    method's class that returns one expression (`return self._task is not None and not
    self._task.done()`): that expression, read as the test."""
    negated = isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not)
    inner = test.expression if isinstance(test, cst.UnaryOperation) and negated else test
    cls = function.enclosing_class()
    if cls is None or not isinstance(inner, cst.Attribute) or dotted(inner.value) \
            != function.self_name:
        return test
    found = _returned_by_property(cls, inner.attr.value, function.self_name or "")
    if found is None:
        return test
    return cst.UnaryOperation(cst.Not(), found) if negated else found


def _returned_by_property(cls: Scope, name: str, self_name: str) -> cst.BaseExpression | None:
    bindings = cls.bindings.get(name, [])
    if len(bindings) != 1 or not bindings[0].is_property:
        return None
    return returned_by_member(cls, name, self_name)


def _aliases(graph: Graph, keys: frozenset[str]) -> frozenset[str]:
    """Locals bound to what the holder holds (`running = self._tasks.get(uid)`, `task =
    self._task`): a test of one (`if running is not None`) tests the holder."""
    found: set[str] = set()
    for point in graph.points:
        node = point.node
        if isinstance(node, cst.Assign) and len(node.targets) == 1 \
                and isinstance(target := node.targets[0].target, cst.Name) \
                and any(reads(node.value, key) for key in keys):
            found.add(target.value)
    return frozenset(found)


def _function(scope: Scope) -> Scope | None:
    s: Scope | None = scope
    while s is not None and s.kind is not ScopeKind.FUNCTION:
        if s.kind is not ScopeKind.LAMBDA:
            return None
        s = s.parent
    return s


def _small_statement(site: CallSite, places: Places) -> cst.CSTNode:
    found = places.statement(site.seq)
    return found if found is not None else site.statement


def ending_calls(function: Scope, ends: Sequence[Occurrence]) -> set[int]:
    """The counts of the calls, in `function`, of its class's other methods that end the
    holder (`self.stop()`), themselves or through the methods they run on `self`."""
    cls = function.enclosing_class()
    if cls is None or not function.self_name:
        return set()
    seeds = [m for o in ends if (m := o.scope.method()) is not None]
    enders = reaching_an_end(cls, seeds, function)
    return {o.seq for o in function.occurrences if ends_there(o, function, enders)}


def reaching_an_end(cls: Scope, enders: Iterable[Scope], storing: Scope | None = None
                    ) -> dict[str, bool]:
    """The names of the methods of class `cls` that end the holder, each with whether it does
    so only through another: those of `enders` (the methods its ends are in), and those that run
    one of these on their own object, at any depth (`close()` awaiting `self._stop_reader()`,
    which cancels it). A call runs an `async def` only where it is awaited (handed to
    `create_task`, it runs apart). Not through `storing`, the method that stores the task: a
    call of it stores a new one before its end is reached (`_connect()` retrying
    `self._connect_and_run()` ends nothing)."""
    names = {m.name: False for m in enders if m.enclosing_class() is cls}
    through = set(names) - ({storing.name} if storing is not None else set())
    methods = {m.name: m for m in cls.children if m.kind is ScopeKind.FUNCTION and m.self_name} \
        if through else {}
    grew = True
    while grew:
        grew = False
        for m in (m for name, m in methods.items() if name not in names):
            if any(_runs(o, m.self_name or "", through, methods)
                   for scope in m.walk() for o in scope.occurrences):
                names[m.name] = True
                through.add(m.name)
                grew = True
    return names


def ends_there(o: Occurrence, function: Scope, enders: dict[str, bool]) -> bool:
    """`o`, in a method of the class, calls one of `enders` on `self` (one that ends the
    holder only through another: where it runs there)."""
    me = function.self_name or ""
    if not me or not o.key.startswith(f"{me}.") or o.key[len(me) + 1:] not in enders:
        return False
    name = o.key[len(me) + 1:]
    if name == function.name:
        return False
    if not enders[name]:
        return True
    cls = function.enclosing_class()  # (one that ends through another: where it runs)
    methods = {m.name: m for m in cls.children if m.kind is ScopeKind.FUNCTION} \
        if cls is not None else {}
    return _runs(o, me, {name}, methods)


def _runs(o: Occurrence, me: str, names: set[str], methods: dict[str, Scope]) -> bool:
    """`o` runs one of `names` of its object `me` there: `self.m()` of a `def`, or an awaited
    `await self.m()` of an `async def`."""
    if o.dest.kind is not Flow.CALLED or not o.key.startswith(f"{me}.") \
            or o.key[len(me) + 1:] not in names:
        return False
    target = methods.get(o.key[len(me) + 1:])
    node = target.node if target is not None else None
    asynchronous = isinstance(node, cst.FunctionDef) and node.asynchronous is not None
    return not asynchronous or (o.dest.result is not None
                                and o.dest.result.kind is Flow.AWAITED)


def _stored(point: Point, keys: frozenset[str]) -> State | None:
    """What a store into the holder at `point` leaves in it: `None` empties it, anything else
    may be a task; None when the point stores nothing there."""
    node = point.node
    targets: list[cst.BaseExpression]
    value: cst.BaseExpression | None
    if isinstance(node, cst.Assign):
        targets, value = [t.target for t in node.targets], node.value
    elif isinstance(node, cst.AnnAssign) and node.value is not None:
        targets, value = [node.target], node.value
    elif isinstance(node, cst.Del):
        targets, value = [node.target], None
    else:
        return None
    if not any(dotted(t) in keys or _entry_of(t, keys) for t in targets):
        return None
    if value is None or is_none(value):
        return _ENDED
    return _EARLIER


def _entry_of(target: cst.BaseExpression, keys: frozenset[str]) -> bool:
    """`self._tasks[uid]`: an entry of a keyed holder."""
    return isinstance(target, cst.Subscript) and dotted(target.value) in keys


def ends_right_after(function: Scope, seqs: Sequence[int], graphs: FunctionGraphs) -> bool:
    """Whether `function` (a spawned coroutine) ends right after each of the places `seqs` (a
    call that starts its successor, or the successor's spawn itself), on every path: what
    follows each such place is finite, no loop that goes on and no way back to it. Then the
    task the successor replaces is the one about to finish; a loop that keeps running after it
    (a heartbeat that reconnects and goes on beating) is left running by the replacement."""
    built = graphs.of(function)
    if built is None or not seqs:
        return False
    graph, places = built
    starts = [p for seq in seqs for p in places.points(seq)]
    return bool(starts) and all(_finite_after(graph, p) for p in starts)


def _finite_after(graph: Graph, start: int) -> bool:
    """No normal path from `start` comes back to it or goes round a loop that may go on (a
    `while`, an `async for`); a `for` over a collection comes to its end. Exceptions after the
    asking are not followed: the ways that matter are the coroutine's own. (A depth-first walk
    that meets a point still on its path has found a loop.)"""
    on_path: set[int] = set()
    done: set[int] = set()
    stack: list[tuple[int, list[int]]] = [(start, _normal(graph, start))]
    on_path.add(start)
    while stack:
        index, todo = stack[-1]
        if not todo:
            stack.pop()
            on_path.discard(index)
            done.add(index)
            continue
        nxt = todo.pop()
        if nxt in on_path:
            if nxt == start or not _ends_by_itself(graph.points[nxt]):
                return False
            continue
        if nxt not in done:
            on_path.add(nxt)
            stack.append((nxt, _normal(graph, nxt)))
    return True


def _normal(graph: Graph, index: int) -> list[int]:
    return [e.target for e in graph.points[index].edges if e.kind is not EdgeKind.RAISE]


def _ends_by_itself(point: Point) -> bool:
    """A loop head whose loop comes to an end: a `for` over a collection (not `async for`)."""
    node = point.node
    return point.role is Role.ITEM and isinstance(node, cst.For) and node.asynchronous is None
