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
reconnect) may be reached another way: nothing is asked, but for one the module never calls:

An end only in methods of the class that nothing in the module calls, hands on or registers,
none of them close-like, a dunder, decorated or a protocol callback (`unwatch_all()`: its
users' to call, not a step of any way out), is reached on the object's way out only if its
close calls one (`user_ended_fields`): the join asks the class's close, its owners' and its
subclasses', and whether another module calls one of them (then no claim).
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.names.class_bases import module_bases
from taskleak.analysis.obligations.coroutines import coroutine_chain, endless, loop_words
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.guards import ending_methods
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.lifetimes import stopper
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.per_key_ends import per_key_enders
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.scopes import Occurrence, Scope
from taskleak.analysis.tree.vocabulary import (
    ONCE_CALLBACKS,
    PER_DATA_CALLBACKS,
    ends_lifecycle,
)

PROTOCOL_CALLBACKS = ONCE_CALLBACKS | PER_DATA_CALLBACKS


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
        return user_ended_fields(sp, holder, eff, ownership)
    if not (endless(sp.site) or (stopped is not None and stopped[1] in methods)):
        return {}  # it finishes by itself: an owner's close that skips the end loses nothing
    return {"ended_in": ",".join(sorted(_reaching(methods, ownership))),
            "runs_until_ended": True}


def user_ended_fields(sp: Spawn, holder: Holder, eff: Effects, ownership: Ownership
                      ) -> dict[str, Any]:
    """The fate fields `ended_in` (the ending methods), `runs_until_ended` and `user_ended` of
    a task that runs until cancelled, kept in an attribute of `self` (or a collection there),
    ended only in methods of its class the module never reads (`_uncalled`); {} otherwise.
    A coroutine function of another module: whether it runs until cancelled is asked of its
    body (`runs_until_ended` false until the join finds it endless, `coroutine_bodies.py`)."""
    if holder.kind is not Keeper.ATTRIBUTE:
        return {}
    runs = endless(sp.site)
    if not runs and not coroutine_chain(sp, ownership.resolver):
        return {}
    ends = [*eff.await_reads, *eff.cancel_reads, *eff.gather_reads]
    methods = ending_methods(ends)
    spawning = sp.site.scope.method()
    if not ends or len(methods) != len({o.scope.method() for o in ends}) or spawning in methods:
        return {}
    if not all(_uncalled(m, holder, ownership) for m in methods):
        keyed = per_key_enders(holder, methods, ownership, lambda m: _reaching(m, ownership)) \
            if runs else ()  # (per key: asked only of a task that runs until cancelled)
        return {"ended_in": ",".join(keyed), "runs_until_ended": True, "user_ended": True,
                "per_key": True, "loop": loop_words(sp)} if keyed else {}
    return {"ended_in": ",".join(sorted(m.name for m in methods)), "runs_until_ended": runs,
            "user_ended": True}


def _uncalled(method: Scope, holder: Holder, ownership: Ownership) -> bool:
    """`method` is a plain method of `holder`'s class that nothing in the module reads (no call,
    no hand-off, no registration), on an object of any class but another class's `self`: not
    close-like (those are the way out), not a dunder, not decorated, not an asyncio protocol
    callback (the transport calls those)."""
    name = method.name
    node = method.node
    return method.parent is holder.scope and not ends_lifecycle(name) \
        and not (name.startswith("__") and name.endswith("__")) \
        and name not in PROTOCOL_CALLBACKS \
        and isinstance(node, cst.FunctionDef) and not node.decorators \
        and not any(_may_be_its(o, holder.scope, ownership.module)
                    for o in ownership.reads.by_attr.get(name, ()))


def _may_be_its(read: Occurrence, cls: Scope, module: Scope) -> bool:
    """`read` (`x.name`) may read the method of that name of `cls`: it is not `self.name` in a
    method of a class that neither is `cls` nor derives from it in this module."""
    fn = read.scope.method()
    own = fn.self_name if fn is not None else None
    if own is None or read.key != f"{own}.{read.key.rsplit('.', 1)[-1]}":
        return True
    other = fn.enclosing_class() if fn is not None else None
    return other is None or other is cls or cls in module_bases(other, module)


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
