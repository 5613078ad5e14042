"""What a module's module-level names are to the other modules: a name bound to asyncio's
spawner (a spawn helper to its importers), and how the module ends the tasks kept in
module-level names (its globals and the names it imports), which the join matches through the
imports wherever the global lives (`project/index.py`'s `ended_globally`); and what a call of
each of its functions gives (a coroutine, no coroutine, a task that never ends)."""

from __future__ import annotations

from typing import NamedTuple

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.facts.interface import Effect, EffectKind, FunctionFacts, Promise
from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.obligations.closing import reads_its_task
from taskleak.analysis.obligations.coroutines import loop_text
from taskleak.analysis.obligations.creation import Made, call_gives
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.scopes import BindingKind, Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import (
    SPAWN_QUALIFIED,
    WEAK_CONTAINERS,
    WEAK_KEY_DICTIONARIES,
)

# what each read of a holder does to the tasks it holds, as another module is told it
EFFECTS = {Flow.AWAITED: EffectKind.AWAIT, Flow.GATHERED: EffectKind.GATHER,
           Flow.CANCEL: EffectKind.CANCEL, Flow.PRUNE: EffectKind.PRUNE,
           Flow.PRUNE_REF: EffectKind.PRUNE}

# asyncio's spawners whose call gives the task (not a threadsafe spawner's concurrent Future)
_ALIASED_SPAWNERS = frozenset({"asyncio.create_task", "asyncio.ensure_future", "asyncio.Task"})


def spawner_aliases(root: Scope, resolver: Resolver) -> tuple[FunctionFacts, ...]:
    """Module-level names bound once, to one of asyncio's spawners (`spawn =
    asyncio.create_task`): in this module the resolver reads their calls as the spawner's; to
    the modules that import them, each is a spawn helper that returns the task its first
    argument makes, as the spawner does (the helper round judges those calls)."""
    out: list[FunctionFacts] = []
    for name, bindings in root.bindings.items():
        if len(bindings) != 1 or bindings[0].kind is not BindingKind.ASSIGN \
                or bindings[0].value is None:
            continue
        resolved = resolver.resolve(bindings[0].value, root)
        if resolved.kind is SymKind.QUALIFIED \
                and SPAWN_QUALIFIED.get(resolved.name) in _ALIASED_SPAWNERS:
            out.append(FunctionFacts(name, ("coro",), Promise.RETURNS, coroutine=0))
    return tuple(out)


# the reads through which a module-level name's tasks may be ended (the effects of the holder
# are computed only for names read so: most module-level names are imports never ended)
_ENDING_READS = frozenset({*EFFECTS, Flow.ITER})


def global_effects(root: Scope, ownership: Ownership) -> tuple[Effect, ...]:
    """How the module ends the tasks in its module-level names (its globals, the names it
    imports), by each name as bound here: where it awaits, gathers, cancels or prunes them."""
    read = {occ.key for scope in root.walk() for occ in scope.occurrences
            if "." not in occ.key and occ.dest.kind in _ENDING_READS}
    out: list[Effect] = []
    for name in sorted(read):
        bindings = root.bindings.get(name)
        if not bindings or any(b.kind not in (BindingKind.ASSIGN, BindingKind.IMPORT)
                               for b in bindings):
            continue
        eff = ownership.effects(Holder(Keeper.GLOBAL, name, name, root))
        for kind, places in ((EffectKind.AWAIT, eff.awaits), (EffectKind.GATHER, eff.gathers),
                             (EffectKind.CANCEL, eff.cancels), (EffectKind.PRUNE, eff.prunes)):
            out += [Effect(kind, name, place) for place in dict.fromkeys(places)]
    return tuple(out)


class CallsGive(NamedTuple):
    """What a call of each of the module's functions gives, for the modules that call them."""

    coroutines: tuple[str, ...]  # `async def`s (`Exports.coroutines`)
    no_coroutine: tuple[str, ...]  # `@gen.coroutine`s, `-> Future`s (`Exports.no_coroutine`)
    # (function, chain): no coroutine when the call it returns gives none (`no_coroutine_if`)
    no_coroutine_if: tuple[tuple[str, str], ...]
    # called back with a task, they read its outcome (`Exports.outcome_readers`)
    outcome_readers: tuple[str, ...]
    endless: tuple[tuple[str, str], ...]  # never end by themselves, and how they loop


def what_calls_give(root: Scope, resolver: Resolver) -> CallsGive:
    """The module's functions by what their call gives (one walk of its scopes)."""
    coroutines: list[str] = []
    no_coroutine: list[str] = []
    no_coroutine_if: list[tuple[str, str]] = []
    readers: list[str] = []
    endless: list[tuple[str, str]] = []
    for scope in root.walk():
        if scope.kind is not ScopeKind.FUNCTION or not isinstance(scope.node, cst.FunctionDef):
            continue
        if scope.node.asynchronous is not None:
            coroutines.append(scope.qualname)
        gives = call_gives(scope, resolver)
        if gives.made is Made.NOTHING:
            no_coroutine.append(scope.qualname)
        elif gives.asks:
            no_coroutine_if.append((scope.qualname, gives.asks))
        if scope.endless and scope.is_async:
            endless.append((scope.qualname, loop_text(scope)))
        if reads_its_task(scope, bound=scope.self_name is not None):
            readers.append(scope.qualname)
    return CallsGive(tuple(coroutines), tuple(no_coroutine), tuple(no_coroutine_if),
                     tuple(readers), tuple(endless))


def weak_globals(root: Scope, ownership: Ownership) -> tuple[tuple[str, str], ...]:
    """The module-level names bound only to weak collections: ("_states", "keys") for a
    `WeakKeyDictionary()`, ("_live", "values") for a `WeakSet()` or `WeakValueDictionary()`."""
    out: list[tuple[str, str]] = []
    for name, bindings in root.bindings.items():
        if not any(b.kind is BindingKind.ASSIGN for b in bindings):
            continue
        holder = Holder(Keeper.GLOBAL, name, name, root)
        if ownership.made_by(holder, WEAK_CONTAINERS):
            out.append((name, "values"))
        elif ownership.made_by(holder, WEAK_KEY_DICTIONARIES):
            out.append((name, "keys"))
    return tuple(out)
