"""An end in `__del__` of the object whose method the task runs is never reached while it runs.

    class BrokerMiddleware:
        def __init__(self):
            self._cleanup_task = asyncio.create_task(self._cleanup_idle_brokers())  # `while True`
        def __del__(self):
            self._cleanup_task.cancel()

The task runs `self._cleanup_idle_brokers()`: its coroutine holds `self`, and the event loop
holds the task while it waits (a timer, a future's callback), so the object is never collected
while the task runs and its finaliser never runs then. So a cancel or an await in `__del__` is
no end of such a task: what is left is judged as if it were not there (kept and never ended
when nothing else ends it), and the words say why it was not counted (the join reads the same
of another module's `__del__`: `project/spawn_objects.finaliser_effect`). Near miss: a task
that runs a coroutine of another object (`broker.start()`) holds that object, not this one:
its `__del__` may run.
"""

from __future__ import annotations

from taskleak.analysis.obligations.coroutines import runs_own_method
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import where
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.scopes import CallSite, Occurrence, Scope

_FINALISER = "__del__"


def without_finaliser_ends(site: CallSite, eff: Effects) -> Effects:
    """`eff` without the ends in `__del__` of the spawning method's class when the task runs
    a method of that object (see the docstring), with the reason among `followed`."""
    method = runs_own_method(site)
    if not method:
        return eff
    reads = (*eff.cancel_reads, *eff.await_reads, *eff.gather_reads)
    gone = [o for o in reads if _in_finaliser(o)]
    if not gone:
        return eff
    out = eff.copy()  # new lists: see Effects.copy()
    ids = {id(o) for o in gone}
    out.cancel_reads = [o for o in eff.cancel_reads if id(o) not in ids]
    out.await_reads = [o for o in eff.await_reads if id(o) not in ids]
    out.gather_reads = [o for o in eff.gather_reads if id(o) not in ids]
    places = {where(o.scope) for o in gone}  # (a base's `__del__` and a subclass's)
    out.cancels = [p for p in eff.cancels if p not in places]
    kept = [(p, w) for p, w in zip(eff.awaits, eff.await_waits, strict=False) if p not in places]
    out.awaits = [p for p, _ in kept]
    out.await_waits = [w for _, w in kept]
    out.gathers = [p for p in eff.gathers if p not in places]
    out.finaliser_ends = gone
    out.followed = [f"{where(gone[0].scope)} ends it, but the task runs self.{method}() and so "
                    "holds the object: that finaliser never runs while the task does",
                    *eff.followed]
    return out


def finaliser_of_its_object(sp: Spawn, method: Scope) -> bool:
    """`method` is the finaliser of the object whose method the spawn runs: no closer of its
    task (see the docstring)."""
    return method.name == _FINALISER and bool(runs_own_method(sp.site))


def _in_finaliser(read: Occurrence) -> bool:
    """`read` is of an attribute of `self` in a `__del__` (of the class, or of one it is read
    with: the holder's reads are its object's)."""
    fn = read.scope.method()
    return fn is not None and fn.name == _FINALISER and fn.self_name is not None \
        and read.key.partition(".")[0] == fn.self_name
