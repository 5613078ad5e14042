"""Whether a store is reached again while the task it stored still runs: two paths of the call
graph that `lifecycle.py`'s per-event evidence does not see.

- A caller's retry loop: `while True: try: await self._init(); await self._flush(); break`
  `except OSError: await asyncio.sleep(1)`. The call is followed by `break`, so it looks like
  once per run of the loop; but when a later step (`_flush()`) fails, the handler goes round
  and calls `_init()` again, with the tasks it stored the turn before still running
  (`comes_round`). A loop whose every way from the call leaves it (the call last before the
  `break`, or followed only by plain calls, no step that may fail: `cfg.may_fail`) does not
  come round: a failure of the call itself stored nothing.
- The stored task's own coroutine, or another task the storing function starts, calls the
  storer in its loop (`_maintain_connection()` reconnects through `connect_to_server()`, which
  starts `_maintain_connection()` again): the re-entry comes from inside, so an end in another
  method that runs per event (`disconnect()`) does not come between two stores
  (`reentering_task`).

Both are read from the control-flow graphs and the module's calls, never from names.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.graph.cfg import EdgeKind, Graph, may_fail
from taskleak.analysis.obligations.coroutines import spawned_function
from taskleak.analysis.obligations.liveness import FunctionGraphs
from taskleak.analysis.tree.scopes import CallSite, Occurrence, Scope, ScopeKind

_LOOPS = (cst.While, cst.For)


def comes_round(call: Occurrence, graphs: FunctionGraphs) -> bool:
    """The calling function's graph leads from the call, returned normally, back to the same
    call: a step after it may fail into a handler that goes round the loop again."""
    if not any(type(n) in _LOOPS for n in call.path):
        return False
    built = graphs.of(call.scope) if call.scope.kind is ScopeKind.FUNCTION else None
    return built is not None and _round(built[0], built[1].points(call.seq))


def dropped_call_comes_round(scope: Scope, path: tuple[cst.CSTNode, ...],
                             graphs: FunctionGraphs) -> bool:
    """`comes_round` for a call made as a statement (`await self._init()`), by its path."""
    if scope.kind is not ScopeKind.FUNCTION or not any(type(n) in _LOOPS for n in path):
        return False
    small = next((n for n in reversed(path) if isinstance(n, cst.BaseSmallStatement)), None)
    built = graphs.of(scope) if small is not None else None
    return built is not None and small is not None and _round(built[0],
                                                              built[0].points_of(small))


def _round(graph: Graph, starts: list[int]) -> bool:
    for start in starts:
        # (the call's own failure is not a return: what it stores, it stored before raising,
        # and `lifecycle.py` does not count that way either)
        todo = [e.target for e in graph.points[start].edges if e.kind is not EdgeKind.RAISE]
        seen = set(todo)
        while todo:
            point = todo.pop()
            if point == start:
                return True
            for edge in graph.points[point].edges:
                if edge.target not in seen and (edge.kind is not EdgeKind.RAISE
                                                or may_fail(graph.points[point])):
                    seen.add(edge.target)
                    todo.append(edge.target)
    return False


def reentering_task(started: list[tuple[Scope, Scope]], origin: Scope | None) -> Scope | None:
    """The coroutine function whose body holds `origin` (where the evidence that the storing
    function repeats sits: the loop that calls it), when the storing function starts it as a
    task (`started`, from `Lifecycle.started_by`); else None."""
    if origin is None:
        return None
    return next((task for task, _ in started if origin.within(task)), None)


def by_its_own_loop(site: CallSite, origin: Scope | None) -> str:
    """The spawn's own coroutine function, when it is the task whose loop calls the spawning
    function again (`origin`: where that function's frequency comes from): the heartbeat that
    reconnects goes on beating after it stores the next one; else ""."""
    own = spawned_function(site, calls_only=True)
    return own.name if own is not None and origin is not None and origin.within(own) else ""
