"""A spawn whose Task nothing keeps where it is made: an expression statement, a chained
`.add_done_callback(...)` or `.cancel()` (which ends it there), a literal that is dropped, a
lambda's body, a call of a function of the module that returns the task."""

from __future__ import annotations

from collections.abc import Callable

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.analysis.obligations.loop_stops import closed_after_join
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.passed import called_back_fate
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.dests import Flow


def discarded_fate(ownership: Ownership, sp: Spawn, make: Callable[..., Fate]) -> Fate:
    """`make`: the classifier's fate maker (how often the spawn runs, where)."""
    d = sp.site.dest
    if d.kind is Flow.CANCEL and not d.callee and not d.element:
        return Fate(FateKind.CANCELLED, sp.shown)  # `spawn(...).cancel()`: ended as it is made
    if d.kind is Flow.DONE_CALLBACK:
        kind = FateKind.DROPPED_AFTER_CALLBACK
    elif d.kind is Flow.LAMBDA:
        return called_back_fate(sp, make, ownership.resolver)
    elif d.container:
        kind = FateKind.DROPPED_FROM_COMPREHENSION
    elif sp.returned_by:  # `start(coro)`, the module's `def start(coro): return spawn(coro)`
        return make(FateKind.DROPPED_RETURN, sp, callee=sp.returned_by)
    else:
        kind = FateKind.DISCARDED
        fn = sp.site.scope.function()
        closed = closed_after_join(sp, fn) if sp.threadsafe and fn is not None else None
        if closed is not None:
            return make(FateKind.ENDS_WITH_ITS_LOOP, sp, holder=closed[0], cleanup=closed[1])
    return make(kind, sp)
