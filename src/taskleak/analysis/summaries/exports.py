"""Compute what a module can tell the others (`interface.Exports`) from its analysis.

Read off facts the scan already recorded (occurrences, bindings, dropped calls) and the fates of
its spawns: no second walk over the tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import replace

import libcst as cst

from taskleak.analysis.facts.fates import Fate, FateKind, Hand, returns_to_callers
from taskleak.analysis.facts.interface import (
    NO_ENDS,
    STAR,
    Ends,
    Exports,
    FunctionFacts,
    Promise,
)
from taskleak.analysis.frequency.lifecycle import Lifecycle
from taskleak.analysis.names.attribute_types import global_types
from taskleak.analysis.names.typed_names import typed_names
from taskleak.analysis.obligations.local_helpers import passing_on
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.summaries.call_args import call_args, handed_functions
from taskleak.analysis.summaries.class_facts import calling_back_classes, class_facts
from taskleak.analysis.summaries.dotted_effects import dotted_effects
from taskleak.analysis.summaries.dropped_calls import dropped_calls
from taskleak.analysis.summaries.getters import call_value_effects, getters
from taskleak.analysis.summaries.module_level import (
    global_effects,
    spawner_aliases,
    weak_globals,
    what_calls_give,
)
from taskleak.analysis.summaries.owned_fields import owned_fields
from taskleak.analysis.summaries.parameter_uses import parameter_uses
from taskleak.analysis.summaries.repeated_calls import repeated_calls
from taskleak.analysis.summaries.runner_calls import runner_calls
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import (
    BindingKind,
    Scope,
    ScopeKind,
    called_through_class,
)

# A spawn helper keeps its task like this (and returns it): what it promises its callers.
_KEEPS_AND_CLEANS = frozenset({FateKind.COLLECTION_CLEANED, FateKind.KEPT_CLEANED,
                               FateKind.STORED_CLEANED, FateKind.HELPER_KEEPS})
_KEEPS = frozenset({FateKind.COLLECTION_GROWS, FateKind.NEVER_CLEANED,
                    FateKind.SLOT_NEVER_CLEANED, FateKind.HELPER_NEVER_ENDS})


def exports(root: Scope, ownership: Ownership, lifecycle: Lifecycle, spawns: Sequence[Spawn],
            fates: Sequence[tuple[Fate, ...]]) -> Exports:
    """What this module can tell others (see `interface.Exports`)."""
    calls = what_calls_give(root, ownership.resolver)
    return Exports(
        effects=dotted_effects(root, ownership), classes=class_facts(root, ownership),
        functions=exported_functions(root, ownership, spawns, fates),
        call_args=call_args(root, ownership, lifecycle),
        handed_functions=handed_functions(root, ownership),
        # a call another module must type (`self.group.call_soon(...)`) may be no spawn: a
        # helper's call then, judged as such
        dropped_calls=dropped_calls(root, lifecycle, ownership.resolver,
                                    {id(sp.site.node) for sp in spawns if not sp.receiver}),
        imports=exported_imports(root),
        typed=typed_names(root, ownership.resolver),
        self_passed=_self_passed(root),
        param_uses=parameter_uses(root, ownership, spawns, fates),
        endless=calls.endless, no_coroutine=calls.no_coroutine,
        no_coroutine_if=calls.no_coroutine_if, outcome_readers=calls.outcome_readers,
        owned_fields=owned_fields(root, ownership.resolver),
        getters=getters(root, ownership),
        call_value_effects=call_value_effects(root, ownership),
        global_effects=global_effects(root, ownership), coroutines=calls.coroutines,
        repeated_calls=repeated_calls(root, lifecycle, ownership.resolver),
        runner_calls=runner_calls(root, ownership.resolver),
        weak_globals=weak_globals(root, ownership),
        calling_back_classes=calling_back_classes(root),
        methods_used=methods_used(ownership),
        instances=global_types(root, ownership.resolver),
    )


def methods_used(ownership: Ownership) -> tuple[str, ...]:
    """`Exports.methods_used`: the last names of the dotted reads called or handed on, but
    those of a method's own `self` (`self.stop()`), sorted."""
    out = set()
    for last, reads in ownership.reads.by_attr.items():
        for o in reads:
            fn = o.scope.method()
            own = fn.self_name if fn is not None else None
            if o.dest.kind in (Flow.CALLED, Flow.PASSED) and o.key != f"{own}.{last}":
                out.add(last)
                break
    return tuple(sorted(out))


def exported_functions(root: Scope, ownership: Ownership, spawns: Sequence[Spawn],
                       fates: Sequence[tuple[Fate, ...]]) -> tuple[FunctionFacts, ...]:
    """What the module's functions promise their callers (`Exports.functions`): its spawn
    helpers, the functions that pass work on to one, its loop helpers and spawner aliases."""
    functions = spawn_helpers(spawns, fates)
    return (functions + passing_on(root, ownership.resolver, functions)
            + loop_helpers(spawns, fates, {f.qualname for f in functions})
            + spawner_aliases(root, ownership.resolver))


def exported_imports(root: Scope) -> tuple[tuple[str, str], ...]:
    """The names the module imports, with what they name (`Exports.imports`): at module level,
    and inside its functions (`def _init(self): from .engine import Engine`, the idiom that
    breaks an import cycle) where the module binds no such name and every such import of it
    names the same thing, so a name read where it is imported resolves wherever the import
    statement stands."""
    found = [(name, b.qualified or "") for name, bs in root.bindings.items()
             for b in bs[:1] if b.kind is BindingKind.IMPORT]
    local: dict[str, set[str | None]] = {}
    for scope in root.descendants():
        for name, bs in scope.bindings.items():
            if name not in root.bindings:  # (None: bound otherwise somewhere, not an import)
                local.setdefault(name, set()).update(
                    b.qualified or "" if b.kind is BindingKind.IMPORT else None for b in bs)
    for name, targets in sorted(local.items()):
        if len(targets) == 1 and None not in targets:
            found.append((name, str(targets.pop())))
    return tuple(found) + tuple((STAR, module) for module in root.star_imports)


def _self_passed(root: Scope) -> tuple[tuple[str, int, str], ...]:
    """(callee, position, class) of the calls a method gives its own `self`."""
    out = []
    for scope in root.walk():
        cls = scope.enclosing_class() if scope.self_passed else None
        for call, position in scope.self_passed:
            callee = dotted(call.func)
            if callee is not None and cls is not None:
                out.append((callee, position, cls.qualname))
    return tuple(out)


# what a helper that spawns what a parameter gives may do with the task and lose it: drop it
# itself, or hand the work to a helper of its module that loses it (`loop.call_soon(self.
# start, coro)` drops what `start` returns; `drop_it(coro)` of a helper that drops it)
_DROPS = frozenset({FateKind.DISCARDED, FateKind.DROPPED_AFTER_CALLBACK, FateKind.LOCAL_ONLY,
                    FateKind.CALLED_BACK, FateKind.RETURNED_FROM_LAMBDA,
                    FateKind.DROPPED_RETURN, FateKind.HELPER_DROPS})


def _promise(fates: tuple[Fate, ...], helper: bool, always: bool
             ) -> tuple[Promise, str, Ends] | None:
    """What a function that spawns and returns a task promises its callers: a task it also
    keeps (and ends) is the helper's business whatever the caller does with the result. A
    `helper` (it spawns what a parameter gives) that keeps and ends the task promises that to
    its callers too, returned or not. It drops every call's task only when it keeps the work on
    no other path (`always`): one that spawns while a loop runs and buffers the work otherwise
    loses it only on some calls, which no call shows."""
    # a spawn bound to several targets (`self._m[k] = task = spawn(...)`, `return task`): what
    # one keeps is returned through another
    returned = returns_to_callers(tuple(fates))
    for fate in fates:
        if (fate.returned or returned or helper) and fate.kind in _KEEPS_AND_CLEANS:
            return Promise.KEEPS_AND_CLEANS, fate.cleanup, fate.ends
        if (fate.returned or returned or helper) and fate.kind in _KEEPS:
            return Promise.KEEPS, "", NO_ENDS
    if returned:
        return Promise.RETURNS, "", NO_ENDS
    if helper and always and fates and all(f.kind in _DROPS for f in fates):
        return Promise.DROPS, "", NO_ENDS  # `run(func, *args)`: each call's task is lost
    return None


def _keeps_its_own(fates: tuple[Fate, ...]) -> tuple[Promise, str, Ends] | None:
    """What a function that spawns work of its own and keeps the task promises its callers:
    that it keeps and ends it (each call is then a spawn of its own, kept and ended there: the
    table's row at the call). One that keeps a task nothing ends is no helper: that finding is
    at its spawn, not repeated at each call."""
    found = _promise(fates, True, False)
    return found if found is not None and found[0] is Promise.KEEPS_AND_CLEANS else None


def spawn_helpers(spawns: Sequence[Spawn], fates: Sequence[tuple[Fate, ...]]
                  ) -> tuple[FunctionFacts, ...]:
    """The module's spawn helpers (`_functions`); a call whose receiver another module must type,
    or that names asyncio's spawn through another module (`names/reexports.py`: only the join
    can say it is one), is no helper's spawn: not promised."""
    typed_here = [(sp, f) for sp, f in zip(spawns, fates, strict=True)
                  if not sp.receiver and not sp.named_through]
    return _functions([sp for sp, _ in typed_here], [f for _, f in typed_here])


def loop_helpers(spawns: Sequence[Spawn], fates: Sequence[tuple[Fate, ...]],
                 known: AbstractSet[str]) -> tuple[FunctionFacts, ...]:
    """The module-level functions that would be spawn helpers if the receiver of their spawn,
    typed in another module (`core.loop.create_task`), is an event loop: the run's helper
    round asks the project (`FunctionFacts.loop`). Not its own module's helpers: their calls
    here are judged before the project is known."""
    typed_there = [(sp, f) for sp, f in zip(spawns, fates, strict=True)
                   if sp.receiver and sp.site.scope.qualname not in known
                   and "." not in sp.site.scope.qualname]
    if not typed_there:
        return ()
    receivers = {sp.site.scope.qualname: sp.receiver for sp, _ in typed_there}
    return tuple(replace(fn, loop=receivers[fn.qualname]) for fn in _functions(
        [sp for sp, _ in typed_there], [f for _, f in typed_there]))


def _functions(spawns: Sequence[Spawn], fates: Sequence[tuple[Fate, ...]]
               ) -> tuple[FunctionFacts, ...]:
    """The functions that return a task they spawn, or spawn what a parameter gives and keep
    it (spawn helpers), and what they promise their callers."""
    out: dict[str, FunctionFacts] = {}
    # a function that returns any of its tasks in a collection (`return [spawn(...)]`, a local
    # list of them) returns a collection, whatever its other spawns do
    many = {sp.site.scope.qualname for sp, spawn_fates in zip(spawns, fates, strict=True)
            if (sp.site.dest.kind is Flow.RETURNED and sp.site.dest.container)
            or (spawn_fates and all(f.kind is FateKind.LOCAL_COLLECTION_HANDED
                                    and f.hand is Hand.RETURNED for f in spawn_fates))}
    threadsafe = {sp.site.scope.qualname for sp in spawns if sp.threadsafe}
    coroutine_functions = {sp.site.scope.qualname for sp in spawns
                           if isinstance(sp.site.scope.node, cst.FunctionDef)
                           and sp.site.scope.node.asynchronous is not None}
    no_task = threadsafe | coroutine_functions
    for sp, spawn_fates in zip(spawns, fates, strict=True):
        scope = sp.site.scope
        if scope.kind is not ScopeKind.FUNCTION or not isinstance(scope.node, cst.FunctionDef) \
                or scope.qualname in out:
            continue
        params = scope.node.params
        names = tuple(p.name.value for p in (*params.posonly_params, *params.params))
        coro = sp.coroutine
        runs = names.index(coro.value) if isinstance(coro, cst.Name) and coro.value in names \
            else -1
        # `spawn(coro)`, `start_background_task(target, *args)` or `create_task(*, target)`:
        # what it runs comes in (a keyword-only parameter has no position to name it by)
        given = (*names, *(p.name.value for p in params.kwonly_params))
        called = coro.func if isinstance(coro, cst.Call) else None
        helper = (isinstance(coro, cst.Name) and coro.value in given) \
            or (isinstance(called, cst.Name) and (called.value in given
                                                  or _closes_over(scope, called.value, given)))
        found = _promise(spawn_fates, helper, not _work_kept(scope, coro))
        # work of its own that it keeps (and returns too), when it takes nothing a call could
        # hand it work through (`def halt(self)`)
        own = found is not None and found[0] is not Promise.RETURNS and not helper \
            and not params.kwonly_params and names == names[:1 if scope.self_name else 0]
        if found is None and not helper and scope.qualname not in threadsafe:
            found = _keeps_its_own(spawn_fates)
            own = found is not None
        if found is not None:
            out[scope.qualname] = FunctionFacts(
                scope.qualname, names, found[0], found[1], ends=found[2],
                method=scope.self_name is not None,
                coroutine=runs, many=found[0] is Promise.RETURNS and scope.qualname in many,
                gives_task=own or scope.qualname not in no_task,
                awaited=scope.qualname in coroutine_functions - threadsafe, own=own,
                through_class=called_through_class(scope),
                returns_task=found[0] is Promise.RETURNS or returns_to_callers(spawn_fates)
                or any(f.returned for f in spawn_fates))
    return tuple(out.values())


def _work_kept(scope: Scope, coro: cst.BaseExpression | None) -> bool:
    """The work a helper spawns (its parameter `coro`) is also kept by it on some path: put in a
    collection (`self.tasks.append(coro)` while no loop runs), stored on an attribute or in an
    entry, or returned. Then a call loses its task only on some paths, which no call shows."""
    if not isinstance(coro, cst.Name):
        return False
    for s in scope.walk():
        for occ in s.occurrences:
            d = occ.dest
            if occ.key == coro.value and (d.kind in (Flow.COLLECTION, Flow.RETURNED) or (
                    d.kind is Flow.BOUND and any(isinstance(t, (cst.Attribute, cst.Subscript))
                                                 for t in d.targets))):
                return True
    return False


# what a closure does with a parameter that makes the parameter its work
_RUNS = frozenset({Flow.AWAITED, Flow.CALLED, Flow.GATHERED})


def _closes_over(scope: Scope, name: str, params: tuple[str, ...]) -> bool:
    """`name` is a function defined in `scope` that awaits or calls one of `params`: the work
    it runs comes in (`async def inner(): await func` in `delay_task(delay, func)`). A
    parameter it only reads (`task.exception()` in a done-callback) is data, not work."""
    wanted = set(params) - {"self", "cls"}
    for child in scope.children:
        if child.kind is ScopeKind.FUNCTION and child.name == name:
            return any(occ.key in wanted and occ.key not in inner.bindings
                       and occ.dest.kind in _RUNS
                       for inner in child.walk() for occ in inner.occurrences)
    return False
