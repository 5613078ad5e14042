"""Follow each spawned Task to where it is kept and what ends it: its `Fate`. "Tracked?" is the
holder the Task reaches (a local, an attribute, a global, a collection, the caller), "cleaned
up?" what the function, class or module does with it (`ownership.py`); rules say the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import libcst as cst

from taskleak.analysis.facts.fates import PASSES, Fate, FateKind, Hand, Keeper
from taskleak.analysis.facts.interface import BY_ITS_OWNER, LET_GO
from taskleak.analysis.frequency.filled_once import once_stopped_by_its_owner
from taskleak.analysis.frequency.lifecycle import Lifecycle
from taskleak.analysis.frequency.per_item import for_some_items
from taskleak.analysis.frequency.reentry import by_its_own_loop
from taskleak.analysis.frequency.respawns import ASKED_KEEPERS, key_overwrites, respawn
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations import early_returns, holders, skippable_ends
from taskleak.analysis.obligations.closing import closers, imported_reader, owner_ends
from taskleak.analysis.obligations.collection_aliases import with_aliases
from taskleak.analysis.obligations.coroutines import (
    endless,
    long_running,
    loop_words,
    reschedules,
)
from taskleak.analysis.obligations.discarded import discarded_fate
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.finalisers import without_finaliser_ends
from taskleak.analysis.obligations.forgetting_helpers import caller_decides, forgets_when_done
from taskleak.analysis.obligations.guards import ending_methods, guard
from taskleak.analysis.obligations.handoffs import handed_calls
from taskleak.analysis.obligations.held_locals import held_fate
from taskleak.analysis.obligations.helper_promises import promised_fate
from taskleak.analysis.obligations.holders import Holder, into_collection, on_itself, where_held
from taskleak.analysis.obligations.keys import constant_key, keeper_of, target_text
from taskleak.analysis.obligations.lifetimes import (
    held_while,
    never_done,
    pruned_only_on_success,
    without_its_own_cancels,
)
from taskleak.analysis.obligations.liveness import FunctionGraphs
from taskleak.analysis.obligations.local_collections import kept_elsewhere, local_collection_fate
from taskleak.analysis.obligations.owner_paths import ended_in_fields, user_ended_fields
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.passed import passed_fate, returned_to_caller
from taskleak.analysis.obligations.paths import ENDING
from taskleak.analysis.obligations.prune_targets import (
    growth_fields,
    prunes_when_done,
    without_other_prunes,
)
from taskleak.analysis.obligations.race_fates import RaceFates
from taskleak.analysis.obligations.replace_only_ends import replaced_only_fields
from taskleak.analysis.obligations.reset_by_callback import letting_go, same_task_locals
from taskleak.analysis.obligations.self_registered import kept_by_itself
from taskleak.analysis.obligations.skippable_ends import cleaned_local, ended_late
from taskleak.analysis.obligations.spawns import AS_COMPLETED, Spawn
from taskleak.analysis.obligations.steps import Steps
from taskleak.analysis.obligations.subclass_ends import without_replacing_subclasses
from taskleak.analysis.obligations.witness import no_end_witness
from taskleak.analysis.tree.dests import Dest, Flow
from taskleak.analysis.tree.nodes import coroutine_text, leaves_the_loop
from taskleak.analysis.tree.scopes import Occurrence, Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import WEAK_KEY_DICTIONARIES


class Classifier:
    """The fates of the spawns of one module."""

    def __init__(self, module: Scope, resolver: Resolver, spawns: Sequence[Spawn] = ()) -> None:
        self.ownership = Ownership(module, resolver)
        # the calls making a new task (`prune_targets.py`): no argument not followed, no helper
        self.new_tasks = frozenset(id(s.site.node) for s in spawns if not (
            s.unresolved or s.helper or s.receiver or s.unawaited or s.named_through))
        self.graphs = FunctionGraphs(resolver)  # each function's control-flow graph, once
        self.lifecycle = Lifecycle(module, resolver, self.graphs)
        self.races = RaceFates(self.ownership)
        # hand-offs to calls it could not follow since emptied (`foreign_handoffs.classified`)
        self.handed: list[tuple[Dest, Scope]] = []
        self.steps = Steps()  # where each spawn's task is stored and ended (its path)

    def fates(self, sp: Spawn) -> list[Fate]:
        """What became of the spawn's Task. Usually one fate; a spawn bound to several targets
        (`self._t = t = spawn()`) has one per target, and the best-kept one counts. Of a spawn
        whose argument is not followed (it may make no task), each says so."""
        fates = self._fates(sp)
        if sp.untyped and isinstance(sp.site.func, cst.Attribute):
            # (a chain another module types: the join takes the words off if it is a loop)
            fates = [replace(f, untyped=coroutine_text(sp.site.func.value)) for f in fates]
        if sp.unresolved and sp.creation is not None:
            return [replace(f, unresolved=sp.creation.callee) for f in fates]
        return fates

    def _fates(self, sp: Spawn) -> list[Fate]:
        if sp.structured:
            return [Fate(FateKind.STRUCTURED, sp.shown, group=sp.holder)]
        promised = promised_fate(sp, self._fate)
        if promised is None:  # where the task keeps itself, if it does (self_registered.py)
            return kept_by_itself(sp, self.ownership.resolver, self.holder_fate,
                                  self.collection_fate) or self._own_fates(sp)
        if promised.own_work:  # the call gives no task: the helper's promise is all there is
            return [promised]
        if forgets_when_done(promised):
            # the helper only forgets it when done: the caller may still leave it running
            own = self._own_fates(sp)
            if caller_decides(promised.ends, own, promised.kind is FateKind.HELPER_NEVER_ENDS):
                return own
        # a helper that keeps its task and returns something else hands its caller no task
        returned = sp.helper is not None and sp.helper.returns_task \
            and returned_to_caller(sp, self.ownership)
        return [replace(promised, returned=returned)]

    def _own_fates(self, sp: Spawn) -> list[Fate]:
        """What the spawning code itself does with the Task (a helper's promise aside)."""
        site, d, coro = sp.site, sp.site.dest, sp.shown
        if d.kind is Flow.AWAITED and not d.container:  # (`.result(timeout)`: a race)
            return [self.races.passed_to_a_race(sp, self._fate) or Fate(FateKind.AWAITED, coro)]
        if d.kind is Flow.RETURNED:
            return [Fate(FateKind.RETURNED, coro)]
        if d.kind is Flow.GATHERED:
            left = self.races.passed_to_a_race(sp, self._fate)  # `wait([spawn(a()), ...], ...)`
            if left is not None:
                return [left]
            return [Fate(FateKind.GATHERED, coro, callee=d.callee, awaited=d.awaited)]
        if d.kind is Flow.ITER and sp.wrapper == AS_COMPLETED:  # `for f in as_completed(...)`
            return [self.races.iterated(sp, self._fate)]
        if d.kind is Flow.PASSED:
            if self.ownership.weak_call(d.callee, site.scope):  # `weakref.ref(spawn(...))`
                return [self._fate(FateKind.WEAKLY_HELD, sp, holder=f"{d.callee}()")]
            fate = passed_fate(self.ownership, sp, self._fate, self._stored_fate)
            if fate.kind is FateKind.PASSED and not fate.ends and fate.hand is None:
                self.handed.append((d, site.scope))
            return [fate]
        if into_collection(d):
            assert d.receiver is not None
            holder = self.ownership.holder_for(d.receiver, site.scope)
            if holder is not None:
                self.steps.store(sp, None, site.scope, holder.key)
                return [self.collection_fate(sp, holder, keyed=False)]
        if d.kind is Flow.BOUND and d.targets:
            fates = [f for f in (self._bound_fate(sp, t) for t in d.targets) if f is not None]
            if fates:
                return fates
        return [discarded_fate(self.ownership, sp, self._fate)]

    def _bound_fate(self, sp: Spawn, target: cst.BaseExpression) -> Fate | None:
        if isinstance(target, (cst.Tuple, cst.List)):
            return Fate(FateKind.UNPACKED, sp.shown)
        holder = self.ownership.holder_for(target, sp.site.scope)
        if holder is None:
            return None
        self.steps.store(sp, None, sp.site.scope, target_text(target))
        if sp.site.dest.container or isinstance(target, cst.Subscript):
            return self.collection_fate(sp, holder, keyed=isinstance(target, cst.Subscript),
                                        target=target)
        return self.holder_fate(sp, holder)

    def _fate(self, kind: FateKind, sp: Spawn, keeper: Holder | None = None, **facts: Any) -> Fate:
        """A fate with what every rule may say of the spawn (how often it runs, where) and what
        keeps it (`keeper`); `facts`: the fate's other fields (`holder`, `cleanup` ...)."""
        site = sp.site
        fn = site.scope.method()
        kept_by, owner, attribute = keeper_of(keeper, site.scope)
        if keeper is not None and (facts.get("hand") in PASSES
                                   or kind is FateKind.COLLECTION_GROWS):  # `f(*self._tasks)`
            self.handed += [(o.dest, o.scope) for o in self.ownership.effects(keeper).handed_reads]
        self.handed += [(o.dest, o.scope) for o in facts.pop("asked", ())]  # (a race's `pending`)
        often = facts.pop("often", None) or self.lifecycle.of(site.scope)
        if keeper is not None and kind in ENDING:
            eff = self.ownership.effects(keeper)
            self.steps.ends(sp, eff.await_reads + eff.cancel_reads + eff.gather_reads
                            + eff.prune_reads)
        once = not site.loops or leaves_the_loop(site.path)  # spawned as the loop is left
        some = for_some_items(site.path, site.scope.function())
        return Fate(kind, sp.shown, in_loop=not once,
                    repeating=often.function if often.repeats else "",
                    per_item=often.repeats and often.per_item and not some, some_items=some,
                    evidence=often.evidence if often.repeats else "",
                    function=fn.name if fn is not None else "<module>",
                    where=where_held(keeper, site.scope), keeper=kept_by, owner=owner,
                    attribute=attribute, wrapper=sp.wrapper, threadsafe=sp.threadsafe, **facts)

    def _effects(self, sp: Spawn, holder: Holder) -> Effects:
        eff = self.ownership.effects(holder).with_bound_cancels(sp.site.dest.bound_cancel)
        return eff if sp.threadsafe else eff.without_result_reads()

    # -- a holder: a local, or an attribute/global/dotted name ------------------------------
    def holder_fate(self, sp: Spawn, holder: Holder) -> Fate:
        fate = self._holder_fate(sp, holder, eff := self._effects(sp, holder))
        if holder.kind is Keeper.LOCAL and any(h.how is Hand.RETURNED for h in eff.handed):
            fate = replace(fate, returned=True)  # kept somewhere, and handed to the caller
        return fate

    def _holder_fate(self, sp: Spawn, holder: Holder, eff: Effects) -> Fate:
        keyed = len(eff.collections)  # from here on, dictionaries it is a key of
        into = [*eff.collections, *eff.key_collections]
        for n, (coll, scope) in enumerate(into):
            target_holder = self.ownership.holder_for(coll, scope)
            if target_holder is not None and holder.kind is not Keeper.LOCAL \
                    and target_holder.kind is Keeper.LOCAL:  # listed to wait on or to cancel:
                eff.add_ends(listed := self.ownership.effects(target_holder, returns=True))
                eff.handed = eff.handed + listed.handed_on  # the list's callers hand it on
                self.handed += [(o.dest, o.scope) for o in listed.handed_reads]
            elif target_holder is not None:
                if self.ownership.weak_holder(target_holder, keys=n >= keyed):  # owns nothing
                    eff.weak = [*eff.weak, f"the weak collection {target_holder.label}"]
                    continue
                self.steps.store(sp, coll, scope, target_holder.key)
                fate = self.collection_fate(sp, target_holder, keyed=False, extra=eff)
                if kept_elsewhere(fate, into[n + 1:], self.ownership):
                    continue  # lost only if every holder lets go: a later one decides
                return replace(fate, as_key=True) if n >= keyed else fate
        if holder.kind is Keeper.LOCAL:
            return self._local_fate(sp, holder, eff)
        return self._kept_fate(sp, holder, eff)

    def _local_fate(self, sp: Spawn, holder: Holder, eff: Effects) -> Fate:
        if (stored := self._stored_fate(sp, holder, eff)) is not None:
            return stored
        cleanup = eff.cleanup or ""
        if early_returns.rebound_in_loop(sp.site, eff) and not self._guard(sp, holder):
            return self._fate(FateKind.REBOUND_IN_LOOP, sp, holder, holder=holder.key,
                              cleanup=cleanup)
        left = self.races.left_running(sp, holder, f"local `{holder.key}`", eff, self._fate)
        if left is not None:
            return left
        dropped = early_returns.dropped_on_a_way_out(sp.site, eff, holder.key)  # on some ways out
        if dropped is not None:
            return skippable_ends.ended_on_some_ways(sp, holder, eff, dropped, self._fate)
        if cleanup:  # (on the normal way out: a step before it may skip it)
            return cleaned_local(sp, holder, eff, cleanup, self._fate)
        if eff.handed:  # (a step before the hand-off may skip it: `skippable_ends`)
            return skippable_ends.handed_late(sp, holder.key, self._fate(
                FateKind.LOCAL_HANDED, sp, holder, holder=holder.key, **eff.handed[0].fields()))
        if eff.weak:
            return self._fate(FateKind.WEAKLY_HELD, sp, holder, holder=eff.weak[0])
        held = held_while(holder.scope, sp.site, self.ownership.resolver)
        if not eff.occurrences and sp.site.scope is holder.scope:
            # the name is bound here and never read (ruff's RUF006 flags it): unreferenced,
            # even while the function outlives the task (a `nonlocal` store is not such a name)
            return self._fate(FateKind.NEVER_READ, sp, holder, holder=holder.key, held=held)
        if held:  # the function does not return while the task runs: it holds the task
            return held_fate(sp, holder, eff, held, self._fate, self.ownership.resolver)
        if not eff.occurrences:
            return self._fate(FateKind.NEVER_READ, sp, holder, holder=holder.key)
        return self._fate(FateKind.LOCAL_ONLY, sp, holder, holder=holder.key)

    def _stored_fate(self, sp: Spawn, holder: Holder, eff: Effects) -> Fate | None:
        """The fate of where the local (or parameter) `holder` is stored, if it is."""
        returned = any(h.how is Hand.RETURNED for h in eff.handed)
        for target, scope in eff.stores:
            if on_itself(target, holder):
                continue  # `t._ref = t`: the task holds itself, which keeps nothing alive
            if isinstance(target, (cst.Attribute, cst.Subscript)) or (isinstance(  # a global,
                    target, cst.Name) and (scope.kind in (ScopeKind.MODULE, ScopeKind.CLASS)
                                           or target.value in scope.declared_global)):  # a field
                inner = holders.made_by_its_constructor(self.ownership.holder_for(target, scope),
                                                        scope)
                if inner is not None and returned and isinstance(target, cst.Subscript) \
                        and self.ownership.weak_holder(inner):
                    # `self._pending[name] = task; return task`: the weak dict owns nothing,
                    # the caller's handling decides (as for a `WeakSet.add(task)`)
                    continue
                if inner is not None and inner != holder:
                    self.steps.store(sp, target, scope, target_text(target))
                    if eff.cleanup:  # `task.cancel()` in a callback, `self.x = task`
                        return self._fate(FateKind.STORED_CLEANED, sp, inner, holder=holder.key,
                                          stored_in=inner.label_from(sp.site.scope) if inner.made
                                          else target_text(target), **eff.end_fields())
                    kept = self.collection_fate(sp, inner, keyed=True, extra=eff, target=target) \
                        if isinstance(target, cst.Subscript) else self.holder_fate(sp, inner)
                    return skippable_ends.stored_late(sp, holder.key, kept)
        return None

    def _kept_fate(self, sp: Spawn, holder: Holder, eff: Effects) -> Fate:
        """An attribute, global or dotted holder: the task outlives the function."""
        site = sp.site
        eff = without_replacing_subclasses(
            site, holder, without_its_own_cancels(site, without_finaliser_ends(site, eff)),
            self.ownership.reads)
        if eff.replaced and not endless(site):
            # ends by itself: cancelled as it is replaced, each ends (an endless one needs more)
            eff.cancels = eff.cancels + eff.replaced  # new lists: see Effects.copy()
            eff.replaced = []
        label, cleanup = holder.label_from(site.scope), eff.cleanup or ""
        guarded = self._guard(sp, holder, eff.cancel_reads + eff.await_reads)
        r = respawn(site, holder, eff, guarded, self.lifecycle, self.graphs, self.ownership)
        if r.respawns and (cleanup or r.again):
            return self._fate(FateKind.RESPAWNED, sp, holder, holder=label, cleanup=cleanup,
                              often=r.often, comes_round=r.again, per_session=r.per_session,
                              reentered_by=by_its_own_loop(site, r.often.origin))
        if (left := self.races.left_running(sp, holder, label, eff, self._fate)) is not None:
            return left
        if cleanup:  # (only by the spawning function, past a step that may fail: ended_late;
            # on an object it makes, before the step that hands it on: object_handed_late)
            kept = ended_late(sp, holder, eff, self._fate(
                FateKind.KEPT_CLEANED, sp, holder, holder=label, overwrites=r.overwrites,
                repeats_here=r.repeats_here, overwrite_unfollowed=r.unfollowed, **eff.end_fields(),
                stored_on_argument=r.argument, **(ended_in_fields(sp, holder, eff, self.ownership)
                   or replaced_only_fields(sp, holder, self.ownership, eff))))
            return skippable_ends.object_handed_late(sp, holder, kept)
        if eff.handed:
            return self._fate(FateKind.KEPT_HANDED, sp, holder, holder=label,
                              **eff.handed[0].fields(),
                              **replaced_only_fields(sp, holder, self.ownership, eff))
        closing = owner_ends(sp, holder, eff)
        if closing:  # joined, stopped, or the close itself with its outcome read
            return self._fate(FateKind.KEPT_CLEANED, sp, holder, holder=label, cleanup=closing,
                              ends=BY_ITS_OWNER,
                              **ended_in_fields(sp, holder, eff, self.ownership))
        let_go = letting_go(sp, [*eff.occurrences, *same_task_locals(sp, self.ownership)],
                            holder)
        if let_go and not endless(site):  # let go by a done-callback or its own `finally`
            return self._fate(FateKind.KEPT_CLEANED, sp, holder, holder=label, cleanup=let_go,
                              ends=LET_GO)
        # kept and never ended: a guard makes it one at a time, not an end (SPEC: medium)
        never = self._fate(FateKind.SINGLETON if guarded else FateKind.NEVER_CLEANED, sp,
                           holder, holder=label, overwrites=r.overwrites,
                           repeats_here=r.repeats_here, stored_on_argument=r.argument,
                           long_running=long_running(sp), loop=loop_words(sp),
                           closers=closers(holder, sp, eff), guard=guarded,
                           replaced=", ".join(dict.fromkeys(eff.replaced)),
                           reschedules=reschedules(site), witness=no_end_witness(holder, eff),
                           callback=imported_reader(sp, holder, eff, self.ownership.resolver))
        return skippable_ends.object_handed_late(sp, holder, never)  # (its end: the join's)

    # -- a collection ------------------------------------------------------------------------
    def collection_fate(self, sp: Spawn, holder: Holder, *, keyed: bool,
                        extra: Effects | None = None,
                        target: cst.BaseExpression | None = None) -> Fate:
        """The task went into `holder`, a collection (`keyed`: as `holder[key] = task`)."""
        site = sp.site
        if self.ownership.weak_holder(holder) and not (extra is not None and extra.cleanup):
            return self._fate(FateKind.WEAKLY_HELD, sp, holder,
                              holder=f"the weak collection {holder.label}")
        eff = with_aliases(self._effects(sp, holder), holder, self.ownership, extra)
        eff = without_other_prunes(site.node, eff, self.new_tasks, self.ownership.resolver)
        label, cleanup = f"collection {holder.label}", eff.cleanup or ""
        if keyed and self.ownership.made_by(holder, WEAK_KEY_DICTIONARIES):
            # tasks are values, each entry goes with its key: one per live key, no growth
            cleanup = ", ".join(filter(None, (
                cleanup, "pruned when its key is collected (a WeakKeyDictionary)")))
        fn = site.scope.method()
        slot = isinstance(target, cst.Subscript) and constant_key(target)
        overwrites = False
        if keyed and not slot and fn is not None:
            repeats, overwrites = key_overwrites(site, holder, eff, target, fn, self.lifecycle,
                                                 self.graphs, self.ownership)
            if repeats and overwrites:
                return self._fate(FateKind.KEY_OVERWRITTEN, sp, holder, holder=label,
                                  cleanup=cleanup)
            # the caller's dict, a module-level one or its object's: whether it runs again for a
            # key, its callers say (those of other modules: `QuestionKind.CALLED_OFTEN`)
            overwrites = overwrites and keeper_of(holder)[0] in ASKED_KEEPERS
        left = None if any(prunes_when_done(o) for o in eff.prune_reads) \
            else self.races.left_running(sp, holder, label, eff, self._fate, collection=True)
        if left is not None:
            return left
        if pruner := pruned_only_on_success(site, eff.prune_reads):
            return self._fate(FateKind.PRUNED_ON_SUCCESS, sp, holder, holder=label,
                              cleanup=cleanup, callee=pruner)
        if words := never_done(sp, eff):  # pruned once done, and it never is
            return self._fate(FateKind.NEVER_CLEANED, sp, holder, holder=label, loop=words,
                              witness=f"{cleanup} only once it is done, which it never is")
        if cleanup:  # ended; but dropped on the way round an `if` that every end sits in
            test = early_returns.collection_only_if(site, eff, holder, self.ownership) or ""
            kind = FateKind.LOCAL_COLLECTION_DROPPED if test else FateKind.COLLECTION_CLEANED
            return ended_late(sp, holder, eff, self._fate(
                kind, sp, holder, holder=label, cleanup=cleanup, ends=eff.ends, only_if=test,
                overwrites=overwrites, **user_ended_fields(sp, holder, eff, self.ownership)))
        if holder.kind is Keeper.LOCAL:
            fate = local_collection_fate(self.ownership, sp, holder, eff, label, self._fate)
            return replace(fate, overwrites=True) if overwrites else fate
        calls = handed_calls(eff.handed_reads, self.ownership.resolver)  # the callee decides
        if eff.handed and (holder.kind is not Keeper.ATTRIBUTE or eff.handed_on or calls or any(
                o.dest.kind is Flow.RETURNED and o.scope.method() is fn for o in eff.occurrences)):
            return self._fate(FateKind.COLLECTION_HANDED, sp, holder, holder=label,
                              **(eff.handed_on or calls or eff.handed)[0].fields())
        if not slot and (closing := once_stopped_by_its_owner(sp, holder, eff, self.lifecycle)):
            return self._fate(FateKind.COLLECTION_CLEANED, sp, holder, holder=label,
                              cleanup=closing, ends=BY_ITS_OWNER, grows_if_repeated=True)
        if slot and target is not None:
            # `hass.data[KEY] = task`: one slot, not a growing collection
            return self._fate(FateKind.SLOT_NEVER_CLEANED, sp, holder, stored_in=target_text(
                target), witness=no_end_witness(holder, eff))
        return self._fate(FateKind.COLLECTION_GROWS, sp, holder, holder=label,
                          overwrites=overwrites, **growth_fields(holder, eff))

    # -- facts about the spawn ---------------------------------------------------------------
    def _guard(self, sp: Spawn, holder: Holder, ends: Sequence[Occurrence] = ()) -> str:
        """What stops the spawn from replacing a live task in `holder` (see `guards.py`);
        `ends`: what ends the task (a flag cleared only where it is ended still guards)."""
        return guard(sp.site, frozenset({holder.key}), self.ownership.module, ending_methods(ends))

