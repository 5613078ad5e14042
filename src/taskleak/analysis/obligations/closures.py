"""A local kept by a closure: a nested function that outlives its frame holds it.

`def to_observable(): tasks = set(); def dispose(): tasks.add(spawn(...)); return
Disposable(dispose)`: the spawn runs in `dispose()`, after `to_observable()` has returned, and
the set it adds to is `dispose`'s closure variable. It is no local dropped when its function
returns: it lives as long as the nested function does. The condition: the spawn runs in a
function nested in the one that binds the local, and that function, or one between them,
escapes its frame: its name is read other than to run it there (returned, passed, stored; an
`async def` called but its coroutine not awaited there: spawned, returned), it is run by another
nested function that escapes, it is decorated (a registration), or it is a lambda (a value
handed on as it is made).

Near miss: a nested function only ever run where it is defined (`def add(): tasks.add(...)`
then `add()`; `await fire()`) runs while the frame lives: the local goes with the frame.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.scopes import Occurrence, Scope, ScopeKind


def kept_by_a_closure(spawned_in: Scope, local_of: Scope, ownership: Ownership) -> bool:
    """The scope `spawned_in` (where a spawn runs) is nested in a function below `local_of`
    (the function binding the local it stores into) that escapes `local_of`'s frame (the
    function's reads: `ownership.reads_of`)."""
    s: Scope | None = spawned_in
    while s is not None and s is not local_of:
        if s.kind is ScopeKind.LAMBDA or (s.kind is ScopeKind.FUNCTION
                                          and _escapes(s, ownership)):
            return True
        if s.kind is not ScopeKind.FUNCTION:
            return False  # a class between them: not a closure of `local_of`
        s = s.parent
    return False


def _escapes(function: Scope, ownership: Ownership, seen: frozenset[int] = frozenset()) -> bool:
    """A nested function that is decorated, or whose name its enclosing scope reads other than
    to run it there (to call it; an `async def`, to call it and await the coroutine), or runs
    it inside another nested function that escapes (`async def run(): await fire()`, `run`
    returned)."""
    node = function.node
    if isinstance(node, cst.FunctionDef) and node.decorators:
        return True
    if id(function) in seen:
        return False
    for o in ownership.reads_of(function):
        if _not_run_in_place(o, function.is_async):
            return True
        runner = o.scope.function()
        if runner is not None and runner is not function.parent and runner is not function \
                and _escapes(runner, ownership, seen | {id(function)}):
            return True
    return False


def _not_run_in_place(read: Occurrence, is_async: bool) -> bool:
    """The read hands the function (or, for a coroutine function, the coroutine its call
    makes: spawned, gathered, passed) on, instead of running it where it is read."""
    if read.dest.kind is not Flow.CALLED:
        return True
    made = read.dest.result
    return is_async and (made is None or made.kind is not Flow.AWAITED)
