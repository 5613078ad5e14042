"""The module's calls whose result is dropped (`DroppedCall`): a call of a function that returns
a task drops it, and the join puts the row there (`project/join.py`); each with how often its
function runs (`frequency/lifecycle.py`) and, for a method's own call, whether the loop around it
runs it again (`reentry_calls.py`)."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from taskleak.analysis.facts.calls import ELEMENT, DroppedCall
from taskleak.analysis.frequency.lifecycle import Lifecycle
from taskleak.analysis.names.attribute_types import global_type, iterated_attribute, local_type
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.summaries.reentry_calls import NOT_AGAIN, again
from taskleak.analysis.tree.nodes import callee_text, dotted
from taskleak.analysis.tree.scopes import BindingKind, Scope
from taskleak.analysis.tree.vocabulary import NOT_SPAWNING_METHODS


def dropped_calls(root: Scope, lifecycle: Lifecycle, resolver: Resolver,
                  spawned: AbstractSet[int] = frozenset()) -> tuple[DroppedCall, ...]:
    """The module's calls whose result is dropped, in a stable order (scopes in text order,
    calls in text order within each): `ordinal` finds the same call again in a new parse.
    `spawned`: the ids of the calls that are spawns, judged as such (not listed, but counted)."""
    out: list[DroppedCall] = []
    ordinal = 0
    for scope in root.walk():
        often = lifecycle.of(scope) if scope.dropped_calls else None
        repeats = often is not None and often.repeats
        repeating = often.function if often is not None and repeats else ""
        evidence = often.evidence if often is not None and repeats else ""
        for site in scope.dropped_calls:
            name = dotted(site.callee)
            if name is not None and name.rsplit(".", 1)[-1] not in NOT_SPAWNING_METHODS \
                    and id(site.call) not in spawned:
                head, dot, _ = name.partition(".")
                # (a local's or parameter's declared class, or a module global's; an
                # element of a collection attribute of `self`: its class is the join's)
                receiver = (local_type(head, scope, resolver)
                            or global_type(head, scope, resolver)
                            or _element_of(iterated_attribute(head, scope, resolver))) \
                    if dot and head not in ("self", "cls") else ""
                # (a method's own call, or one on what an attribute of `self` holds: what the
                # join asks of a store's re-entry)
                a = again(scope, site, lifecycle.graphs, name.count(".") == 2) \
                    if head in ("self", "cls") and name.count(".") in (1, 2) else \
                    again(scope, site, lifecycle.graphs, True) \
                    if receiver and name.count(".") == 1 and _one_object(head, scope) \
                    else NOT_AGAIN
                out.append(DroppedCall(name, ordinal, scope.qualname or "<module>",
                                       site.in_loop, repeating, evidence, site.awaited,
                                       callee_text(site.call.func) + "()"
                                       if site.callback is not None else "", receiver,
                                       a.per_turn, a.retried, a.touched, site.bound,
                                       a.per_item, a.fresh))
            ordinal += 1
    return tuple(out)


def _element_of(attribute: str) -> str:
    """`self.connections[]`: an element of that attribute of the caller's object
    (`ProjectIndex.element_class`)."""
    return f"self.{attribute}{ELEMENT}" if attribute else ""


def _one_object(name: str, scope: Scope) -> bool:
    """`name` is a parameter of `scope` bound nowhere else in it: a loop there calling a method
    on it calls it on the same object each turn (`agent.on_message(...)` with `agent: Agent`),
    as on `self`; not a loop's target (`for agent in agents`), a new object each turn."""
    bindings = scope.bindings.get(name, [])
    return bool(bindings) and all(b.kind is BindingKind.PARAM for b in bindings)
