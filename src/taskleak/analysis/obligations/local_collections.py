"""The fate of a task put into a collection held in a local (or a parameter) that nothing in
the function ends: handed on, the caller's, kept by a closure, or dropped with the local."""

from __future__ import annotations

from taskleak.analysis.facts.fates import Fate, FateKind, Hand, Handoff, Keeper
from taskleak.analysis.obligations.closures import kept_by_a_closure
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.keys import keeper_of
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.prune_targets import growth_fields
from taskleak.analysis.obligations.race_fates import MakeFate
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.scopes import BindingKind, ScopeKind


def local_collection_fate(ownership: Ownership, sp: Spawn, holder: Holder, eff: Effects,
                          label: str, make: MakeFate) -> Fate:
    """`make`: the classifier's fate maker (how often the spawn runs, where)."""
    if eff.handed or eff.stores:
        how = eff.handed[0] if eff.handed else Handoff(Hand.STORED, "stored elsewhere")
        return make(FateKind.LOCAL_COLLECTION_HANDED, sp, holder, holder=label, **how.fields())
    if keeper_of(holder)[0] is Keeper.PARAMETER:  # the caller's: not dropped here
        ended = ended_by_siblings(ownership, holder)
        if ended.cleanup:
            return make(FateKind.COLLECTION_CLEANED, sp, holder, holder=label,
                        cleanup=ended.cleanup, ends=ended.ends)
        return make(FateKind.COLLECTION_GROWS, sp, holder, holder=label, caller_unknown=True)
    if kept_by_a_closure(sp.site.scope, holder.scope, ownership):  # outlives the frame
        return make(FateKind.COLLECTION_GROWS, sp, holder, holder=label,
                    **growth_fields(holder, eff))
    return make(FateKind.LOCAL_COLLECTION_DROPPED, sp, holder, holder=label)


def ended_by_siblings(ownership: Ownership, holder: Holder) -> Effects:
    """A collection received as parameter `holder.key`, ended where a sibling function (of
    the same class, or module-level) receives a parameter of that name: aiohttp's
    `on_startup(app)` spawns into `app[KEY]`, `on_cleanup(app)` cancels `app[KEY]`."""
    fn, parent = holder.scope, holder.scope.parent
    ends = Effects()
    for other in parent.children if parent is not None else ():
        if other is not fn and other.kind is ScopeKind.FUNCTION and any(
                b.kind is BindingKind.PARAM for b in other.bindings.get(holder.key, [])):
            ends.add_cleanup(ownership.effects(Holder(Keeper.LOCAL, holder.key, holder.key,
                                                      other)))
    return ends
