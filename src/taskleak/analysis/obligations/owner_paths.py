"""Where a kept task's end is, for its owners' paths: the close-like methods of its class.

A task kept in an attribute of class C and ended in C's close-like methods M (`close_client()`
stops its loop through an event, then awaits it) is ended when something closes the object.
An object of C that another class O makes and keeps (`self.redo_service = RedoService(self)`)
is O's to close, as the Resource Leak Checker's owning fields are: when O has a close-like
method, the end is reached on O's way out only when a method of O calls M on that attribute
(its close, or the `finally` of the run its close ends). So a spawn ended only in M exports M
(`Fate.ended_in`) and whether its task runs until then (`Fate.runs_until_ended`); each module
exports the objects its classes make and keep and what they call on them
(`summaries/owned_fields.py`); the join finds an owner that never does
(`project/owner_paths.py`). An end in any other method (a callback, a
reconnect) may be reached another way: nothing is asked.
"""

from __future__ import annotations

from typing import Any

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.obligations.coroutines import endless
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.guards import ending_methods
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.lifetimes import stopper
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.scopes import Scope
from taskleak.analysis.tree.vocabulary import ends_lifecycle


def ended_in_fields(sp: Spawn, holder: Holder, eff: Effects, ownership: Ownership
                    ) -> dict[str, Any]:
    """The fate fields `ended_in` and `runs_until_ended` of a task kept in an attribute of
    `self`, ended (`eff`) only in close-like methods of its class, that runs until they end it
    (a loop with no way out but a cancel, or one they stop through a flag); {} otherwise.
    `ended_in` also names the methods of the module that reach those through their calls (an
    owner's `client.disconnect()` reaches `close_session()`, which ends the task through
    `self._cancel_task(...)`)."""
    if holder.kind is not Keeper.ATTRIBUTE:
        return {}
    ends = [*eff.await_reads, *eff.cancel_reads, *eff.gather_reads]
    if any(o.scope.method() is None for o in ends):
        return {}  # ended outside any method: reached another way
    spawning = sp.site.scope.method()
    methods = [m for m in ending_methods(ends) if m is not spawning]
    stopped = stopper(sp.site)
    if stopped is not None and stopped[1] not in methods:
        methods.append(stopped[1])
    if not methods or any(not ends_lifecycle(m.name) for m in methods):
        return {}
    if not (endless(sp.site) or (stopped is not None and stopped[1] in methods)):
        return {}  # it finishes by itself: an owner's close that skips the end loses nothing
    return {"ended_in": ",".join(sorted(_reaching(methods, ownership))),
            "runs_until_ended": True}


def _reaching(ends: list[Scope], ownership: Ownership) -> set[str]:
    """The names of `ends` and of the methods that call one of them, in turn."""
    reached = {m.name for m in ends}
    todo = list(ends)
    while todo:
        for call in ownership.callers(todo.pop()):
            caller = call.scope.method()
            if caller is not None and caller.name not in reached:
                reached.add(caller.name)
                todo.append(caller)
    return reached
