"""The collections a module hands to calls (`Exports.call_args`), and what the module does to
end them: a function of another module that puts its tasks into a collection it receives
(`bg_tasks.append(spawn(...))`) learns from its callers who owns that collection and what ends
it (`project/received_collections.answer_parameter`).

A caller's attribute, global or local collection (`bg_tasks = []` in `create_app()`) is exported
at every call it is passed to whole, a builtin's aside (`len(tasks)`), with the other calls the
same collection is handed to (`CallArg.also`: `_stop(bg_tasks)` of another module), whose
function may be the one that ends it. (A function of the caller's own module that fills it is
judged with its callers there too: `local_collections.ended_by_callers`.)
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from taskleak.analysis.facts.calls import CallArg
from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.frequency.lifecycle import Lifecycle
from taskleak.analysis.names.effect_owners import self_owner
from taskleak.analysis.obligations.handoffs import to_a_builtin
from taskleak.analysis.obligations.holders import Holder, where
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import BindingKind, Occurrence, Scope, argument_slot

# Values that make a holder a collection (what a caller may hand over to be filled with tasks).
_COLLECTION_CALLS = frozenset({"dict", "set", "list", "defaultdict", "deque", "OrderedDict",
                               "WeakValueDictionary", "WeakSet"})
_COLLECTION_NODES = (cst.Dict, cst.Set, cst.List, cst.DictComp, cst.SetComp, cst.ListComp)
_MAX_ALSO = 8  # the other calls named per hand-off (a collection passed everywhere: the first)


def call_args(root: Scope, ownership: Ownership, lifecycle: Lifecycle) -> tuple[CallArg, ...]:
    """Collections of this module passed to a call, with what this module does to end them."""
    out: list[CallArg] = []
    ends: dict[tuple[str, int], tuple[str, set[str]]] = {}  # holder -> (cleanup, enders)
    for scope in root.walk():
        for occ in scope.occurrences:
            d = occ.dest
            if not d.whole_argument:
                continue
            holder = _collection_holder(ownership, scope, occ.key)
            if holder is None or (holder.kind is Keeper.LOCAL
                                  and to_a_builtin(occ, ownership.resolver)):
                continue
            memo = (holder.key, id(holder.scope))
            if memo not in ends:
                eff = ownership.effects(holder)
                places = {p.rsplit(" in ", 1)[-1]  # "cancel_all() in close()" -> "close()"
                          for p in (*eff.cancels, *eff.awaits, *eff.gathers, *eff.prunes)}
                ends[memo] = (eff.cleanup or "", places)
            cleanup, enders = ends[memo]
            assert d.call is not None and d.arg is not None
            index, keyword = argument_slot(d.call, d.arg)
            often = lifecycle.of(scope)
            out.append(CallArg(d.callee, index, keyword, occ.key, self_owner(scope, occ.key),
                               cleanup, scope.qualname or "<module>", where(scope) in enders,
                               f"called by {often.function}(), {often.evidence}"
                               if often.repeats and often.evidence else "",
                               often.repeats and often.per_item,
                               _also(ownership, holder, occ)))
    return tuple(out)


def _also(ownership: Ownership, holder: Holder, at: Occurrence
          ) -> tuple[tuple[str, int, str, str], ...]:
    """The other calls `holder` is handed to whole, builtins' aside: (callee as written, its
    positional index or -1, keyword, qualified name of the calling function)."""
    out: list[tuple[str, int, str, str]] = []
    for occ in ownership.occurrences(holder):
        d = occ.dest
        if occ is at or not d.whole_argument or d.call is at.dest.call \
                or to_a_builtin(occ, ownership.resolver):
            continue
        assert d.call is not None and d.arg is not None
        index, keyword = argument_slot(d.call, d.arg)
        out.append((d.callee, index, keyword, occ.scope.qualname or "<module>"))
    return tuple(out[:_MAX_ALSO])


def _collection_holder(ownership: Ownership, scope: Scope, key: str) -> Holder | None:
    """The holder a passed argument names, when it is a collection: an attribute, a global,
    or a local bound to one."""
    node = _node_of(key)
    holder = ownership.holder_for(node, scope) if node is not None else None
    if holder is None:
        return None
    values: list[cst.BaseExpression | None]
    if holder.kind is Keeper.ATTRIBUTE:
        values = [v for v, _ in holder.scope.attr_bindings.get(holder.name, [])]
        values += [b.value for b in holder.scope.bindings.get(holder.name, [])]
    elif holder.kind is Keeper.GLOBAL:
        values = [b.value for b in ownership.module.bindings.get(holder.name, [])]
    elif holder.kind is Keeper.LOCAL:
        values = [b.value for b in holder.scope.bindings.get(holder.name, [])]
    else:
        return None
    return holder if _is_collection(values) else None


def _is_collection(values: Sequence[cst.BaseExpression | None]) -> bool:
    for value in values:
        if isinstance(value, _COLLECTION_NODES):
            return True
        if isinstance(value, cst.Call):
            name = dotted(value.func)
            if name is not None and name.rsplit(".", 1)[-1] in _COLLECTION_CALLS:
                return True
    return False


def _node_of(key: str) -> cst.BaseExpression | None:
    """`self.x` / `x` as the expression node ownership looks holders up by."""
    parts = key.split(".")
    if len(parts) == 1:
        return cst.Name(parts[0])
    if len(parts) == 2:
        return cst.Attribute(value=cst.Name(parts[0]), attr=cst.Name(parts[1]))
    return None


def handed_functions(root: Scope, ownership: Ownership) -> tuple[tuple[str, str, str], ...]:
    """The functions this module hands to a call whole or puts in a collection (a callback
    registered: `host.register_start(start_hook)`, `web_app.on_startup.append(self.start)`),
    as (name as written, the handing function's qualified name, how), for a function that
    fills a collection it receives and that no code of the project calls: its calls, and the
    collection they pass, are whoever's it is handed to (`received_collections.py`)."""
    out: list[tuple[str, str, str]] = []
    for scope in root.walk():
        for occ in scope.occurrences:
            d = occ.dest
            if d.whole_argument and not to_a_builtin(occ, ownership.resolver):
                how = f"handed to {d.callee}()"
            elif d.kind is Flow.COLLECTION and d.collection:
                how = f"put in {d.collection}"
            else:
                continue
            if _a_function(ownership, occ):
                out.append((occ.key, scope.qualname or "<module>", how))
    return tuple(dict.fromkeys(out))


def _a_function(ownership: Ownership, occ: Occurrence) -> bool:
    """`occ` may read a function: a name this module defines with `def` or imports, a name
    reached through an import (`pkg.mod.start`) or a class of the module (`Hooks.start`), or
    an attribute of `self` its class does not bind to a value (a method, its own or a base's)."""
    head, _, attr = occ.key.partition(".")
    bindings = ownership.resolver.lookup(head, occ.scope) or []
    if not attr:
        return bool(bindings) and all(b.kind in (BindingKind.DEF, BindingKind.IMPORT)
                                      for b in bindings)
    if bindings and all(b.kind is BindingKind.IMPORT for b in bindings):
        return True  # (`pkg.part.start`: a module's, however deep)
    if "." in attr:
        return False
    method, cls = occ.scope.method(), occ.scope.enclosing_class()
    if method is not None and cls is not None and head == method.self_name:
        return attr not in cls.attr_bindings
    return bool(bindings) and all(b.kind is BindingKind.CLASS for b in bindings)
