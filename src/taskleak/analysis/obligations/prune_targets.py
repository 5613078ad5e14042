"""A prune that cannot remove this task: what it removes is only ever another spawn's task.

`tasks.remove(task)` removes what `task` holds. When `task` is a variable (a local, or one a
nested function reads through its closure; a `nonlocal` store is a binding of it) every binding
of which is `None` or the new task of another spawn of the module, the prune removes those,
never this spawn's task: it is no end of this one. So a class whose methods each spawn a worker
that removes its own task from a shared set (aioreactive's test subjects) prunes each task once,
in its own worker, and a spawn whose task no `task` variable ever holds (bound in a callback
without `nonlocal`) is pruned by none of them.

Near miss: a variable with any other binding (a parameter, a done-callback's argument, a value
looked up, another call) may hold this task, so its prune stays an end of it.
"""

from __future__ import annotations

from collections.abc import Collection

import libcst as cst

from taskleak.analysis.facts.fates import listed
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import Holder, where
from taskleak.analysis.obligations.witness import no_end_witness
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import BindingKind, Occurrence, ScopeKind


def without_other_prunes(spawned: cst.Call, eff: Effects, new_tasks: Collection[int],
                         resolver: Resolver) -> Effects:
    """`eff` (a collection's effects) without the prunes that can only remove other tasks than
    the one the call `spawned` makes; `new_tasks`: the ids of the module's spawn calls that make
    a new task. `eff` itself when every prune may remove it."""
    others = [o for o in eff.prune_reads
              if _removes_only_others(o, spawned, new_tasks, resolver)]
    if not others:
        return eff
    out = eff.copy()  # new lists: see Effects.copy()
    out.prune_reads = [o for o in eff.prune_reads if o not in others]
    places = [where(o.scope) for o in others]  # one per read: `Ownership` words each read's
    prunes = list(eff.prunes)
    for place in places:
        if place in prunes:
            prunes.remove(place)
    out.prunes, out.others_pruned = prunes, places
    return out


def growth_fields(holder: Holder, eff: Effects) -> dict[str, str]:
    """A collection that only grows, its fate's facts: why nothing here ends what it keeps (the
    witness), and where it is pruned of other spawns' tasks only."""
    return {"witness": no_end_witness(holder, eff),
            "others_pruned": listed(list(dict.fromkeys(eff.others_pruned)))
            if eff.others_pruned else ""}


def _removes_only_others(occ: Occurrence, spawned: cst.Call, new_tasks: Collection[int],
                         resolver: Resolver) -> bool:
    """The read is a prune call (`c.remove(x)`, `c.discard(x)`) whose argument is a name every
    binding of which is `None` or another spawn's new task; or a prune passed as the
    done-callback of such a name (`receipt.add_done_callback(c.discard)`: it removes only the
    task it is registered on)."""
    if occ.dest.kind is Flow.PRUNE_REF:
        task = _registered_on(occ)
        return task is not None and _only_others(task, occ, spawned, new_tasks, resolver)
    if occ.dest.kind is not Flow.PRUNE or len(occ.path) < 2:
        return False
    method, call = occ.path[-1], occ.path[-2]  # `c.remove` of the read `c`, then its call
    if not isinstance(call, cst.Call) or call.func is not method or len(call.args) != 1 \
            or not isinstance(call.args[0].value, cst.Name):
        return False
    return _only_others(call.args[0].value.value, occ, spawned, new_tasks, resolver)


def prunes_when_done(occ: Occurrence) -> bool:
    """The read removes, from the collection, the task a done-callback is called with: the
    prune passed on (`t.add_done_callback(c.discard)`), or a lambda registered as the
    done-callback that prunes its own parameter (`t.add_done_callback(lambda f:
    c.discard(f))`, or `lambda _: c.discard(t)` registered on `t` itself): the collection
    keeps each task until it is done, and a wait that gives up on them
    (`wait(self._tasks, timeout=5)` on stop) does not change that. Near miss: a lambda that
    prunes another task than the one it is registered on."""
    if occ.dest.kind is Flow.PRUNE_REF:
        return True
    scope = occ.scope
    lam = scope.node
    if occ.dest.kind is not Flow.PRUNE or scope.kind is not ScopeKind.LAMBDA \
            or not isinstance(lam, cst.Lambda) or not lam.params.params or scope.parent is None:
        return False
    call = lam.body
    if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Attribute) \
            or dotted(call.func.value) != occ.key or len(call.args) != 1 \
            or not isinstance(arg := call.args[0].value, cst.Name):
        return False
    own = arg.value == lam.params.params[0].name.value
    return any(d.done_callback is lam and (own or d.key == arg.value)
               for d in scope.parent.occurrences)


def _registered_on(occ: Occurrence) -> str | None:
    """The name of the task a prune passed on (`c.discard`, the read `occ` of `c`) is the
    done-callback of: `receipt` in `receipt.add_done_callback(c.discard)`, the nearest such
    registration before it in its scope; None when there is none, or not on a plain name."""
    found = [d for d in occ.scope.occurrences
             if d.seq < occ.seq and isinstance(cb := d.done_callback, cst.Attribute)
             and dotted(cb.value) == occ.key]
    if not found:
        return None
    key = max(found, key=lambda d: d.seq).key
    return key if "." not in key else None


def _only_others(name: str, occ: Occurrence, spawned: cst.Call, new_tasks: Collection[int],
                 resolver: Resolver) -> bool:
    """Every binding of `name` where `occ` reads it is `None` or another spawn's new task."""
    bindings = resolver.lookup(name, occ.scope) or []
    return bool(bindings) and all(
        b.kind is BindingKind.ASSIGN and b.value is not None and (
            (isinstance(b.value, cst.Name) and b.value.value == "None")
            or (b.value is not spawned and id(b.value) in new_tasks))
        for b in bindings)
