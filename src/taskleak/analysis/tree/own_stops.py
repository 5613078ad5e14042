"""A `while self.<flag>:` loop that the task's own code stops ends by itself.

The scan marks a method `endless` when its `while` tests an attribute flag and has no `break` or
`return` (`while self._running:`). When the code that loop runs clears that flag (the loop's
body, or a method of its class it calls on `self`, in turn: `run()` -> `process_queue()` ->
`process_task()` setting `self._running = False`), the loop has a way out that is no cancel: the
task finishes by itself (RUBRIC convention 4), as a local flag its body rebinds does
(`nodes.is_long_running_test`). A flag cleared only by another method (`stop()`) is a stop its
owner asks for: the loop still runs until then, and stays `endless`.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import loop_flag, truth
from taskleak.analysis.tree.scopes import Scope, ScopeKind
from taskleak.analysis.tree.walk import descendants

# (`while not self._done.is_set()` stops at `self._done.set()`; `while self._ok.is_set()` at
# `clear()`)
_EVENT_STOPS = {True: "set", False: "clear"}


def settle_own_stops(module: Scope) -> None:
    """Clear `endless` on each method of the module's classes whose flag loops its own code
    stops (see the module docstring)."""
    for cls in module.walk():
        if cls.kind is not ScopeKind.CLASS:
            continue
        methods = {m.name: m for m in cls.children
                   if m.kind is ScopeKind.FUNCTION and m.self_name}
        for method in methods.values():
            if method.endless and _stops_itself(method, cls, methods):
                method.endless = False


def _stops_itself(method: Scope, cls: Scope, methods: dict[str, Scope]) -> bool:
    """Every loop that makes `method` endless is a `while` testing a flag of `self` that the
    loop's own code clears."""
    own = f"{method.self_name}."
    return bool(method.endless_loops) and all(
        isinstance(w, cst.While) and _cleared_by_its_run(w, method, cls, methods, own)
        for w in method.endless_loops)


def _cleared_by_its_run(loop: cst.While, method: Scope, cls: Scope,
                        methods: dict[str, Scope], own: str) -> bool:
    flag = loop_flag(loop.test)
    if flag is None:
        return False
    negated = flag.startswith("!")
    attr = flag.lstrip("!")
    if not attr.startswith(own) or "." in attr[len(own):]:
        return False
    attr = attr[len(own):]
    runs = _run_by(loop, method, methods, own)
    for value, scope in cls.attr_bindings.get(attr, []):
        where = scope.method()
        inside = where is method and any(n is value for n in descendants(loop.body))
        if (inside or (where is not method and where in runs)) and truth(value) is negated:
            return True
    stop = _EVENT_STOPS[negated]
    key = f"{own}{attr}"
    return any(o.key == key and o.dest.kind is Flow.METHOD and o.dest.callee == stop
               and (s is not method or id(loop) in o.loops)
               for m in (method, *runs) for s in m.walk() for o in s.occurrences)


def _run_by(loop: cst.While, method: Scope, methods: dict[str, Scope], own: str) -> set[Scope]:
    """The methods of the class the loop calls on `self`, in turn (not `method` itself)."""
    todo = [(method, True)]
    seen: set[int] = {id(method)}
    out: set[Scope] = set()
    while todo:
        at, in_loop = todo.pop()
        for s in at.walk():
            for o in s.occurrences:
                if o.dest.kind is not Flow.CALLED or not o.key.startswith(own):
                    continue
                if in_loop and (s is not at or id(loop) not in o.loops):
                    continue
                callee = methods.get(o.key[len(own):])
                if callee is not None and id(callee) not in seen:
                    seen.add(id(callee))
                    out.add(callee)
                    todo.append((callee, False))
    return out
