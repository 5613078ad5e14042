"""A re-spawn that waits for the task it replaces to say it is ending.

    async def _beat(self):                      # the task stored in self._beat_task
        while True:
            ...
            except ConnectionError:
                self._link_lost.set()
                return
    async def _supervise(self):                 # started once by open()
        while True:
            await self._link_lost.wait()
            self._link_lost.clear()
            await self._connect()               # stores the next beat in self._beat_task

The supervisor's loop comes round to the store only after the event the stored task sets as
its last step: the task it replaces has ended (or is ending, with nothing left to run). The
store is then no overwrite of a live task, like a listener whose way out asks for its
successor (`coroutines.asks_for_its_successor`). It holds only when the event is set nowhere
else in the class, every set is followed by the coroutine's end on every path, and the loop
clears it before it goes round (else the wait returns at once, and the loop reconnects while
the new task runs). An `asyncio.Event`'s `wait`/`set`/`clear`, read from the scan.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.obligations.coroutines import spawned_function
from taskleak.analysis.obligations.liveness import FunctionGraphs, ends_right_after
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.scopes import CallSite, Occurrence, Scope

_LOOPS = (cst.While, cst.For)


def signalled_as_it_ends(site: CallSite, calls: list[Occurrence], module: Scope,
                         graphs: FunctionGraphs) -> bool:
    """Each call in `calls` (the ones that run the spawning function again) sits in a loop
    whose turn first waits for an event that only the spawn's own coroutine sets, as its
    last step, and clears it before the call."""
    target = spawned_function(site, calls_only=True)
    if target is None or not target.self_name or not calls:
        return False
    return all(_after_its_signal(call, target, module, graphs) for call in calls)


def _after_its_signal(call: Occurrence, target: Scope, module: Scope,
                      graphs: FunctionGraphs) -> bool:
    method = call.scope.method()
    if method is None or not method.self_name:
        return False
    loops = [n for n in call.path if isinstance(n, _LOOPS)]
    waited = {_holder(o) for s in method.walk() for o in s.occurrences
              if _event_call(o, "wait") and any(_inside(o, loop) for loop in loops)
              and o.seq < call.seq and o.key.startswith(f"{method.self_name}.")}
    for key in waited:
        attribute = key.split(".", 1)[1]
        # (sets on objects of the class: another class's attribute of that name is another's)
        sets = [o for s in module.walk() for o in s.occurrences if _event_call(o, "set")
                and _holder(o).split(".", 1)[1] == attribute
                and o.scope.enclosing_class() is target.enclosing_class()]
        cleared = any(_event_call(o, "clear") and _holder(o) == key
                      for s in method.walk() for o in s.occurrences)
        if sets and cleared and all(o.scope is target and _holder(o) ==
                                    f"{target.self_name}.{attribute}" for o in sets) \
                and ends_right_after(target, [o.seq for o in sets], graphs):
            return True
    return False


def _event_call(o: Occurrence, name: str) -> bool:
    """`self.<attr>.<name>()`: the object an attribute holds, its method `name` called (the
    read of the call itself, keyed `self.<attr>.<name>`)."""
    return o.dest.kind is Flow.CALLED and o.key.count(".") == 2 and o.key.endswith(f".{name}")


def _holder(o: Occurrence) -> str:
    """`self.<attr>` of the read of `self.<attr>.<name>()`."""
    return o.key.rsplit(".", 1)[0]


def _inside(o: Occurrence, loop: cst.CSTNode) -> bool:
    return any(n is loop for n in o.path)
