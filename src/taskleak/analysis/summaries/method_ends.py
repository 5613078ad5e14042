"""What each method of a class does to its attributes' tasks, for another module's judgement
of a method it replaces (`ClassFacts.effects`; `project/replaced_restarts.py`).

    class Poller:
        def stop(self):    self._task.cancel()
        def restart(self): self.stop(); self.start()     # start() stores self._task

Per method, only what it does itself: the attributes of `self` it ends (cancels, awaits,
gathers), those it stores into (a value other than None), and the methods it calls on `self`.
The join follows those calls through the class and its bases wherever they live (`restart()`
ends `self._task` through `stop()`, perhaps a base's of another module), so the facts are the
same whichever module holds each method. Read from the scan, never from a name.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.interface import MethodEffects
from taskleak.analysis.summaries.dotted_effects import dotted_aliases
from taskleak.analysis.tree.dests import END_FLOWS, Flow
from taskleak.analysis.tree.nodes import dotted, is_none
from taskleak.analysis.tree.scopes import BindingKind, Scope, ScopeKind


def method_effects(cls: Scope) -> tuple[MethodEffects, ...]:
    """Each method of `cls` that ends or stores an attribute or calls a method on `self`."""
    out: list[MethodEffects] = []
    for method in cls.children:
        if method.kind is not ScopeKind.FUNCTION or not method.self_name:
            continue
        me = f"{method.self_name}."
        reads = [o for s in method.walk() for o in s.occurrences
                 if o.key.startswith(me) and o.key.count(".") == 1]
        ended = sorted({o.key[len(me):] for o in reads if o.dest.kind in END_FLOWS}
                       | _ended_through_locals(method, me))
        called = sorted({o.key[len(me):] for o in reads if o.dest.kind is Flow.CALLED})
        stored = sorted({attr for attr, values in cls.attr_bindings.items()
                         for value, scope in values
                         if scope.within(method) and not is_none(value)})
        if ended or stored or called:
            out.append((method.name, tuple(ended), tuple(stored), tuple(called)))
    return tuple(out)


def _ended_through_locals(method: Scope, me: str) -> set[str]:
    """The attributes of `self` the method ends through a local bound to one (`task =
    self._task` or `task, self._task = self._task, None`, then `task.cancel()`), or a loop's
    name that takes each of a display of them (`for task in (self._reader, self._writer):
    task.cancel()`)."""
    aliases: dict[str, set[str]] = {}
    for name, key in dotted_aliases(method):
        if key.startswith(me) and key.count(".") == 1:
            aliases.setdefault(name, set()).add(key[len(me):])
    for scope in method.walk():
        for name, bindings in scope.bindings.items():
            for b in bindings:
                if b.kind is BindingKind.FOR and isinstance(b.iterates, (cst.Tuple, cst.List)):
                    keys = [dotted(e.value) or "" for e in b.iterates.elements]
                    aliases.setdefault(name, set()).update(
                        k[len(me):] for k in keys if k.startswith(me) and k.count(".") == 1)
    return {attr for s in method.walk() for o in s.occurrences
            if o.key in aliases and o.dest.kind in END_FLOWS for attr in aliases[o.key]}
