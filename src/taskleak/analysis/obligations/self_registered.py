"""A task that keeps itself: its coroutine stores `asyncio.current_task()` in an attribute.

`def halt(self): return loop.create_task(self._stop_impl())`, where `async def
_stop_impl(self)` begins `self._stop_task = asyncio.current_task()` and `join()` awaits
`self._stop_task`: from its first step the task is in `self._stop_task`, and it ends where that
attribute does, whatever the spawning code does with it. Only a method of the spawning code's
own class, called on its `self`, and only an end of that attribute (a kept-and-cleaned fate)
counts: an attribute nobody ends adds nothing to the spawn's own fate.
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

_CURRENT_TASK = frozenset({"asyncio.current_task", "asyncio.tasks.current_task"})


def kept_by_itself(sp: Spawn, resolver: Resolver,
                   holder_fate: Callable[[Spawn, Holder], Fate]) -> list[Fate]:
    """The fate of the attribute the spawned coroutine stores its own task in, when something
    ends it there (`holder_fate`: the classifier's); [] otherwise."""
    site = sp.site
    target = spawned_function(site, calls_only=True)
    cls = target.enclosing_class() if target is not None else None
    if target is None or cls is None or not target.self_name \
            or site.scope.enclosing_class() is not cls:
        return []
    for attr, values in cls.attr_bindings.items():
        for value, scope in values:
            if scope.method() is target and isinstance(value, cst.Call) \
                    and resolver.resolve(value.func, scope).name in _CURRENT_TASK:
                key = f"{target.self_name}.{attr}"
                fate = holder_fate(sp, Holder(Keeper.ATTRIBUTE, key, attr, cls))
                if fate.kind is FateKind.KEPT_CLEANED:
                    return [replace(fate, holder=f"{key} (by {target.name}(), which stores "
                                    "asyncio.current_task() there)")]
    return []
