"""Does awaiting a method end the task that would await it? (the await fix's refusal)

pysqueezebox 0.14.0's poll: `_async_poll()` runs in the task held by `self._poll` and spawns
`self.async_update()`; `async_update()` first cancels `self._poll`. Spawned, the update cancels
a poll that has finished its work; awaited, it cancels the very task awaiting it, and polling
stops. So the await fix is refused when the awaited method of `self`, or a method of `self` it
calls (a few calls deep), cancels or awaits an attribute of `self` that a spawn of the method
holding the spawn is stored in (`self._poll = create_task(self._async_poll(...))`).

Only the class's own methods are read, as written; a method reached through another object,
or a holder set elsewhere, is not followed.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.scopes import Scope, ScopeKind
from taskleak.fixes.context import FixContext
from taskleak.records import record

MAX_DEPTH = 3  # calls of `self`'s methods followed from the awaited one
ENDS = frozenset({Flow.CANCEL, Flow.AWAITED})  # what an awaited method may do to the holder


@record(frozen=True)
class EndsHolder:
    """`method()` (reached from the awaited call) does `flow` to `self.holder`."""

    method: str
    holder: str
    flow: Flow


def self_method(call: cst.BaseExpression, self_name: str) -> str | None:
    """`m` of `self.m(...)`."""
    if isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) \
            and isinstance(call.func.value, cst.Name) and call.func.value.value == self_name:
        return call.func.attr.value
    return None


def holders(ctx: FixContext, cls: Scope, method: str) -> set[str]:
    """The attributes of `self` a task running `method` is stored in, anywhere in `cls`:
    `self.X = create_task(self.method(...))`."""
    found: set[str] = set()
    for sp in ctx.analysis.spawns:
        site = sp.site
        spawner_method = site.scope.method()
        self_name = spawner_method.self_name if spawner_method is not None else None
        if self_name is None or site.scope.enclosing_class() is not cls or sp.coroutine is None \
                or self_method(sp.coroutine, self_name) != method \
                or site.dest.kind is not Flow.BOUND:
            continue
        for target in site.dest.targets:
            if isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name) \
                    and target.value.value == self_name:
                found.add(target.attr.value)
    return found


def _method(cls: Scope, name: str) -> Scope | None:
    return next((c for c in cls.children if c.kind is ScopeKind.FUNCTION and c.name == name),
                None)


def ends_holder(cls: Scope, awaited: str, kept_in: set[str]) -> EndsHolder | None:
    """What `self.awaited()`, or a method of `self` it calls, does to one of `kept_in`."""
    seen: set[str] = set()
    todo = [(awaited, 0)]
    while todo:
        name, depth = todo.pop(0)
        method = _method(cls, name)
        if name in seen or method is None or method.self_name is None:
            continue
        seen.add(name)
        me = method.self_name + "."
        for scope in method.walk():
            for occ in scope.occurrences:
                attr = occ.key.removeprefix(me) if occ.key.startswith(me) else ""
                if attr in kept_in and occ.dest.kind in ENDS:
                    return EndsHolder(name, attr, occ.dest.kind)
                if occ.dest.kind is Flow.CALLED and "." not in attr and attr \
                        and depth < MAX_DEPTH:
                    todo.append((attr, depth + 1))
    return None


def self_ending(ctx: FixContext, scope: Scope, coro: cst.BaseExpression) -> str | None:
    """Why awaiting `coro` in `scope` would end the task awaiting it, or None."""
    method = scope.method()
    cls = scope.enclosing_class()
    if method is None or cls is None or method.self_name is None:
        return None
    awaited = self_method(coro, method.self_name)
    kept_in = holders(ctx, cls, method.name) if awaited is not None else set()
    found = ends_holder(cls, awaited, kept_in) if awaited is not None and kept_in else None
    if found is None:
        return None
    via = "" if found.method == awaited else f" (through {found.method}())"
    if found.flow is Flow.CANCEL:
        return (f"{awaited}(){via} cancels self.{found.holder}, the task running "
                f"{method.name}(): awaited there, it would cancel itself")
    return (f"{awaited}(){via} awaits self.{found.holder}, the task running {method.name}(): "
            "awaited there, it would wait for itself")
