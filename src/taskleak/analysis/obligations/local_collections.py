"""The fate of a task put into a collection held in a local (or a parameter) that nothing in
the function ends: handed on, the caller's, kept by a closure, or dropped with the local."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from taskleak.analysis.facts.fates import Fate, FateKind, Hand, Handoff, Keeper
from taskleak.analysis.obligations.closures import kept_by_a_closure
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.keys import keeper_of
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.prune_targets import growth_fields
from taskleak.analysis.obligations.race_fates import MakeFate
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.scopes import Scope, argument_place, argument_slot


def local_collection_fate(ownership: Ownership, sp: Spawn, holder: Holder, eff: Effects,
                          label: str, make: MakeFate) -> Fate:
    """`make`: the classifier's fate maker (how often the spawn runs, where)."""
    if eff.handed or eff.stores:
        how = eff.handed[0] if eff.handed else Handoff(Hand.STORED, "stored elsewhere")
        return make(FateKind.LOCAL_COLLECTION_HANDED, sp, holder, holder=label, **how.fields())
    if keeper_of(holder)[0] is Keeper.PARAMETER:  # the caller's: not dropped here
        ended = ended_by_callers(ownership, holder)
        if ended.cleanup:
            return make(FateKind.COLLECTION_CLEANED, sp, holder, holder=label,
                        cleanup=ended.cleanup, ends=ended.ends)
        if holder.key == holder.scope.self_name:  # the object itself: its class is its owner
            return make(FateKind.COLLECTION_GROWS, sp, holder, holder=label)
        return make(FateKind.COLLECTION_GROWS, sp, holder, holder=label, caller_unknown=True)
    if kept_by_a_closure(sp.site.scope, holder.scope, ownership):  # outlives the frame
        return make(FateKind.COLLECTION_GROWS, sp, holder, holder=label,
                    **growth_fields(holder, eff))
    return make(FateKind.LOCAL_COLLECTION_DROPPED, sp, holder, holder=label)


def ended_by_callers(ownership: Ownership, holder: Holder) -> Effects:
    """A collection received as parameter `holder.key`, ended where a caller of the function in
    this module ends what it passes there: `bg_tasks = []`, `on_start(lambda _: _start(w,
    bg_tasks))`, `on_stop(lambda _: _stop(bg_tasks))` (the callers in other modules: the
    join's `answer_parameter`). A caller that passes its own parameter on is not followed.
    A method's `self` that is itself the collection is ended where its class's other methods
    end their `self`."""
    fn = holder.scope
    ends = Effects()
    if holder.key == fn.self_name and fn.parent is not None:
        # the object is the collection (`class TaskSet(set)`, `self.add(task)`): every method
        # of its class gets the same object as its `self`
        for other in fn.parent.children:
            if other is not fn and other.self_name is not None:
                ends.add_cleanup(ownership.effects(Holder(Keeper.LOCAL, other.self_name,
                                                          other.self_name, other)))
        return ends
    place = argument_place(fn, holder.key)
    calls = {(id(o.scope), o.key) for o in ownership.callers(fn)}
    if not calls:
        return ends
    for scope in ownership.module.walk():
        for occ in scope.occurrences:
            d = occ.dest
            if not d.whole_argument or (id(occ.scope), d.callee) not in calls:
                continue
            assert d.call is not None and d.arg is not None
            index, keyword = argument_slot(d.call, d.arg)
            if keyword != holder.key and (index < 0 or index != place):
                continue
            passed = ownership.holder_for(d.arg.value, occ.scope)
            if passed is not None and keeper_of(passed)[0] is not Keeper.PARAMETER:
                ends.add_cleanup(ownership.effects(passed))
    return ends


def kept_elsewhere(fate: Fate, rest: Sequence[tuple[cst.BaseExpression, Scope]],
                               ownership: Ownership) -> bool:
    """`fate` drops the task with a local collection, but one of the collections it also goes
    into (`rest`) outlives the function (an attribute's, a global's, not a weak one): the
    task is lost only if every holder lets go of it (`tasks.append(task);
    self._background.append(task)`, mcp-combiner's `connect_all`), so that one decides."""
    return fate.kind is FateKind.LOCAL_COLLECTION_DROPPED and any(
        (h := ownership.holder_for(coll, scope)) is not None and h.kind is not Keeper.LOCAL
        and not ownership.weak_holder(h) for coll, scope in rest)

