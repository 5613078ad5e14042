"""A task that keeps itself: its coroutine stores `asyncio.current_task()` in an attribute, or
adds it to a collection its object holds.

`def halt(self): return loop.create_task(self._stop_impl())`, where `async def
_stop_impl(self)` begins `self._stop_task = asyncio.current_task()` and `join()` awaits
`self._stop_task`: from its first step the task is in `self._stop_task`, and it ends where that
attribute does, whatever the spawning code does with it. The same for
`self._tasks.add(asyncio.current_task())` in the coroutine's own body, `run()` gathering
`self._tasks` (pyasyncbot's `Bot._create_bot_task`). Only a method of the spawning code's own
class, called on its `self`, counts, and a collection of another object
(`self._registry.tasks`) is not followed. An attribute counts only where it is ended (a
kept-and-cleaned fate): the next task stored there lets go of this one, so one nobody ends
adds nothing to the spawn's own fate. A collection keeps every task added to it, so its fate
is the task's whatever it is (ended, pruned only on success, only growing), unless it holds
them weakly. The holder's fate comes first, so its words name the holder rather than a caller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import libcst as cst

from taskleak.analysis.facts.fates import Fate, FateKind, Keeper
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.coroutines import spawned_function
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import Scope
from taskleak.analysis.tree.vocabulary import COLLECTION_ADDS, QUEUE_PUTS
from taskleak.analysis.tree.walk import own_nodes

_CURRENT_TASK = frozenset({"asyncio.current_task", "asyncio.tasks.current_task"})
_ADDS = COLLECTION_ADDS - QUEUE_PUTS  # (a queue hands it to its consumer: not followed)


def kept_by_itself(sp: Spawn, resolver: Resolver,
                   holder_fate: Callable[[Spawn, Holder], Fate],
                   collection_fate: Callable[..., Fate]) -> list[Fate]:
    """The fate of the attribute the spawned coroutine stores its own task in, when something
    ends it there, or of the collection of its object it adds it to, unless that holds it
    weakly (`holder_fate`, `collection_fate`: the classifier's); [] otherwise."""
    site = sp.site
    target = spawned_function(site, calls_only=True)
    cls = target.enclosing_class() if target is not None else None
    if target is None or cls is None or not target.self_name \
            or site.scope.enclosing_class() is not cls:
        return []
    stored = [(attr, True) for attr, values in cls.attr_bindings.items()
              if any(scope.method() is target and _current_task(value, scope, resolver)
                     for value, scope in values)]
    for attr, is_store in stored + [(a, False) for a in _added(target, resolver)]:
        key = f"{target.self_name}.{attr}"
        holder = Holder(Keeper.ATTRIBUTE, key, attr, cls)
        fate = holder_fate(sp, holder) if is_store \
            else collection_fate(sp, holder, keyed=False)
        if _keeps(fate, is_store):
            how = "stores" if is_store else "adds"
            return [replace(fate, holder=f"{fate.holder} (by {target.name}(), which {how} "
                            "asyncio.current_task() there)")]
    return []


def _keeps(fate: Fate, is_store: bool) -> bool:
    """Whether the holder keeps the task for the spawn's fate: an attribute, which the next
    store lets go of, only where it is ended; a collection, which keeps every task added to it,
    unless it holds them weakly."""
    if is_store:
        return fate.kind is FateKind.KEPT_CLEANED
    return fate.kind is not FateKind.WEAKLY_HELD


def _current_task(value: cst.BaseExpression | None, scope: Scope, resolver: Resolver) -> bool:
    return isinstance(value, cst.Call) \
        and resolver.resolve(value.func, scope).name in _CURRENT_TASK


def _added(target: Scope, resolver: Resolver) -> list[str]:
    """The attributes of `target`'s object that `target`'s own body (not a nested function)
    adds its current task to: `self._tasks.add(asyncio.current_task())`."""
    out: list[str] = []
    if not isinstance(target.node, cst.FunctionDef):
        return out
    for node in own_nodes(target.node):
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                and node.func.attr.value in _ADDS and len(node.args) == 1 \
                and _current_task(node.args[0].value, target, resolver):
            owner, _, attr = (dotted(node.func.value) or "").partition(".")
            if owner == target.self_name and attr and "." not in attr and attr not in out:
                out.append(attr)
    return out

