"""An end reached only to replace the task: nothing ends the last one (RUBRIC convention 5).

    class Client:
        async def _updater_cancel(self):  await cancel_task(self._updater_task)
        async def _updater_schedule(self):
            await self._updater_cancel()
            self._updater_task = asyncio.create_task(self._updater())   # `while True`
        async def disconnect(self):       await self._listener_cancel()  # not the updater's

The holder lets go of each task when it stores the next one (cancel before replace), and no
other way the object runs ends it: the last task stored runs until a cancel nobody makes. So a
task kept in `self.<attribute>` that runs a method of its object whose loop only a cancel ends
(no `break` or `return`, no flag tested) is ended only to be replaced when every method of its
class (its bases of the module, and those the inheritance round merges in: `run/inherited.py`)
that ends the attribute or hands it to a call
- is the spawning method itself, ending it before the spawn (`if self._t: self._t.cancel()`,
  then `self._t = spawn(...)`), or
- is called on `self` only there, before the spawn, stores nothing into it, and is only called
  (never passed on as a callback, never read otherwise).
Near miss too: an end after the store in the spawning method (a `finally` of the run that
stores it) ends the task on that method's way out.
Code calling such a method through another object (an owner's `self.meter._updater_cancel()`),
in this module or another, is resolved by the join (`project/replaced_only.py`).
Near miss: an end that a method storing nothing also calls (`disconnect()` calling
`_listener_cancel()`) is reached on the object's way out.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.names.class_bases import module_bases
from taskleak.analysis.obligations.coroutines import loop_words
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.dests import END_FLOWS, Flow
from taskleak.analysis.tree.nodes import is_none
from taskleak.analysis.tree.scopes import BindingKind, Occurrence, Scope, ScopeKind


def replaced_only_fields(sp: Spawn, holder: Holder, ownership: Ownership, eff: Effects
                         ) -> dict[str, str]:
    """The fate's fields of an attribute's task ended only to be replaced (`replaced_only`)."""
    if holder.kind is not Keeper.ATTRIBUTE:
        return {}
    enders, words = replaced_only(sp, holder, ownership, eff)
    return {"enders": enders, "replaced_only": words, "loop": loop_words(sp)} if words else {}


def replaced_only(sp: Spawn, holder: Holder, ownership: Ownership, eff: Effects
                  ) -> tuple[str, str]:
    """(the methods that end `holder` only to replace its task, by name and comma-joined; how,
    in words: "_updater_cancel(), which only _updater_schedule() calls before storing a new
    task there"), or ("", "") when some end is reached otherwise, or the task may end by
    itself. The ends are the holder's own reads and those `eff` followed through a local
    (`task = self._task`, then `task.cancel()` in `suspend()`: an end there too)."""
    cls, site = holder.scope, sp.site
    spawning = site.scope
    if cls.kind is not ScopeKind.CLASS or spawning.method() is not spawning \
            or not _runs_until_cancelled(sp, cls, ownership):
        return "", ""
    classes = [cls, *module_bases(cls, ownership.module)]
    reads = ownership.occurrences(holder)
    ends = [o for o in reads if o.dest.kind in END_FLOWS or o.dest.kind is Flow.PASSED]
    # (an end a followed hand-off makes, through a parameter, is the hand-off's: its call is
    # among the reads already)
    ends += [o for o in (*eff.cancel_reads, *eff.await_reads, *eff.gather_reads,
                         *eff.handed_reads)
             if o not in ends and _through_a_local(o, classes, ownership)]
    if any(o.scope.method() is None for o in reads):
        return "", ""
    enders = {m.name: m for o in ends if (m := o.scope.method()) is not None}
    stores = {m.name for value, scope in _bindings(cls, holder.name, ownership)
              if not is_none(value) and (m := scope.method()) is not None}
    if not enders:
        return "", ""
    words = []
    for name, ender in sorted(enders.items()):
        if ender is spawning:  # `if self._t: self._t.cancel()`, then the store
            if not all(o.scope is spawning and o.seq < site.seq for o in ends
                       if o.scope.method() is spawning):
                return "", ""
            words.append(f"{name}() before it stores a new task there")
            continue
        calls = _calls(name, classes, ownership)
        if name in stores or not calls or any(
                o.scope is not spawning or o.seq > site.seq for o in calls):
            return "", ""
        words.append(f"{name}(), which only {spawning.name}() calls before storing a new task "
                     "there")
    return ",".join(sorted(set(enders) - {spawning.name})), "; ".join(words)


def _through_a_local(read: Occurrence, classes: list[Scope], ownership: Ownership) -> bool:
    """`read` is of a local that a method of `classes` assigns (`task = self._task`), not of a
    parameter."""
    method = read.scope.method()
    bound = ownership.resolver.lookup(read.key, read.scope) or []
    return method is not None and method.parent in classes and bool(bound) \
        and all(b.kind is BindingKind.ASSIGN and b.scope is not None and b.scope.within(method)
                for b in bound)


def _runs_until_cancelled(sp: Spawn, cls: Scope, ownership: Ownership) -> bool:
    """The spawn runs `self.<m>()`, an `async def` of the class (or of its bases here) whose
    loop has no way out and tests no flag another method may clear."""
    coro = sp.coroutine
    method = sp.site.scope.method()
    if not isinstance(coro, cst.Call) or not isinstance(coro.func, cst.Attribute) \
            or not isinstance(coro.func.value, cst.Name) or method is None \
            or coro.func.value.value != method.self_name:
        return False
    name = coro.func.attr.value
    for klass in (cls, *module_bases(cls, ownership.module)):
        found = next((m for m in klass.children
                      if m.kind is ScopeKind.FUNCTION and m.name == name), None)
        if found is not None:
            return found.is_async and found.endless and not found.loop_flags
    return False


def _bindings(cls: Scope, name: str, ownership: Ownership
              ) -> list[tuple[cst.BaseExpression, Scope]]:
    return [b for klass in (cls, *module_bases(cls, ownership.module))
            for b in klass.attr_bindings.get(name, [])]


def _calls(name: str, classes: list[Scope], ownership: Ownership) -> list[Occurrence] | None:
    """The calls of `self.<name>(...)` in the methods of `classes` (the module's reads index);
    None when one of them reads it otherwise (passes it on as a callback, stores it). Calls
    through other objects are the join's to resolve (`project/replaced_only.py`), in this
    module as in others."""
    out: list[Occurrence] = []
    for klass in classes:
        for o in ownership.reads.within_attr(name, klass):
            method = o.scope.method()
            if method is None or o.key != f"{method.self_name}.{name}":
                continue
            if o.dest.kind is not Flow.CALLED:
                return None
            out.append(o)
    return out
