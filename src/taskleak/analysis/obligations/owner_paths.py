"""Where a kept task's end is, for its owners' paths: the close-like methods of its class.

A task kept in an attribute of class C and ended in C's close-like methods M (`close_client()`
stops its loop through an event, then awaits it) is ended when something closes the object.
An object of C that another class O makes and keeps (`self.redo_service = RedoService(self)`)
is O's to close, as the Resource Leak Checker's owning fields are: the end is reached on O's way
out only when one of O's own close-like methods calls M on that attribute. So a spawn ended
only in M exports M (`Fate.ended_in`) and whether its task runs until then
(`Fate.runs_until_ended`); each module exports the objects its classes make and keep and what
their close-like methods call on them (`summaries/owned_fields.py`); the join finds an owner
whose close never does (`project/owner_paths.py`). An end in any other method (a callback, a
reconnect) may be reached another way: nothing is asked.
"""

from __future__ import annotations

from typing import Any

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.obligations.coroutines import endless
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.lifetimes import stopper
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.scopes import Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import ends_lifecycle


def ended_in_fields(sp: Spawn, holder: Holder, eff: Effects) -> dict[str, Any]:
    """The fate fields `ended_in` and `runs_until_ended` of a task kept in an attribute of
    `self`, ended (`eff`) only in close-like methods of its class, that runs until they end it
    (a loop with no way out but a cancel, or one they stop through a flag); {} otherwise."""
    if holder.kind is not Keeper.ATTRIBUTE:
        return {}
    spawning = sp.site.scope.method()
    methods = {o.scope.method() for o in (*eff.await_reads, *eff.cancel_reads,
                                          *eff.gather_reads)}
    stopped = stopper(sp.site)
    if stopped is not None:
        methods.add(stopped[1])
    methods.discard(spawning)
    if not methods or any(m is None or not ends_lifecycle(m.name) for m in methods):
        return {}
    names = {m.name for m in methods if m is not None}
    if not (endless(sp.site) or (stopped is not None and stopped[1].name in names)):
        return {}  # it finishes by itself: an owner's close that skips the end loses nothing
    cls = sp.site.scope.enclosing_class()
    reaching = _reaching(cls, names) if cls is not None else names
    return {"ended_in": ",".join(sorted(reaching)), "runs_until_ended": True}


def _reaching(cls: Scope, ends: set[str]) -> set[str]:
    """`ends` and the methods of `cls` that call one of them on `self`, in turn (an owner's
    `client.disconnect()` reaches `close_session()`, which ends the task through
    `self._cancel_task(...)`)."""
    methods = [m for m in cls.children if m.kind is ScopeKind.FUNCTION and m.self_name]
    reached = set(ends)
    grew = True
    while grew:
        grew = False
        for m in methods:
            if m.name not in reached and any(
                    o.dest.kind is Flow.CALLED and o.key.partition(".")[0] == m.self_name
                    and o.key.partition(".")[2] in reached
                    for s in m.walk() for o in s.occurrences):
                reached.add(m.name)
                grew = True
    return reached
