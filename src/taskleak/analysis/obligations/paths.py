"""A spawn's path, as its finding's JSON carries it (`model.Obligation`): the task created, the
holders it goes through, and what ends it, or how it is lost, or what was not followed.

Read off the spawn's judged fate: its family (a discharge, a hand-over, a loss, a holder left
unended), its holders (the local, the attribute or collection it is kept in, where a local is
stored, the caller it is returned to, the callee it is handed to, the task group), and the end
or the loss in a few words. A row judged low whose fate is a loss (its argument not followed,
so no claim is made) is `UNRESOLVED`, with what was not followed.
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.fates import Fate, FateKind, Hand, Keeper
from taskleak.model import Family, Holding, Obligation, Risk, Step, StepKind

_FAMILIES: dict[FateKind, Family] = {
    **dict.fromkeys((
        FateKind.STRUCTURED, FateKind.AWAITED, FateKind.CANCELLED, FateKind.GATHERED,
        FateKind.LOCAL_CLEANED, FateKind.STORED_CLEANED, FateKind.KEPT_CLEANED,
        FateKind.COLLECTION_CLEANED, FateKind.ENDS_WITH_ITS_LOOP,
        FateKind.RUN_AND_JOINED, FateKind.LEFT_AT_TIMEOUT), Family.ENDED),
    **dict.fromkeys((
        FateKind.RETURNED, FateKind.HELPER_KEEPS, FateKind.RUN_BY_IOLOOP,
        FateKind.FUTURE_RUN_BY_IOLOOP), Family.HANDED),
    **dict.fromkeys((
        FateKind.PASSED, FateKind.LAMBDA_HANDED, FateKind.UNPACKED, FateKind.LOCAL_HANDED,
        FateKind.KEPT_HANDED, FateKind.LOCAL_COLLECTION_HANDED, FateKind.COLLECTION_HANDED),
        Family.UNRESOLVED),
    **dict.fromkeys((
        FateKind.DISCARDED, FateKind.DROPPED_AFTER_CALLBACK, FateKind.RETURNED_FROM_LAMBDA,
        FateKind.CALLED_BACK, FateKind.NEVER_AWAITED,
        FateKind.DROPPED_FROM_COMPREHENSION, FateKind.LOCAL_ONLY,
        FateKind.LOCAL_COLLECTION_DROPPED, FateKind.NEVER_READ, FateKind.DROPPED_RETURN,
        FateKind.HANDED_AND_DROPPED, FateKind.HELPER_DROPS, FateKind.WEAKLY_HELD),
        Family.DROPPED),
    **dict.fromkeys((
        FateKind.REBOUND_IN_LOOP, FateKind.RESPAWNED, FateKind.KEY_OVERWRITTEN),
        Family.OVERWRITTEN),
    **dict.fromkeys((
        FateKind.NEVER_CLEANED, FateKind.HELD_WHILE_RUNNING, FateKind.SINGLETON,
        FateKind.SLOT_NEVER_CLEANED, FateKind.COLLECTION_GROWS, FateKind.PRUNED_ON_SUCCESS,
        FateKind.LEFT_RUNNING, FateKind.LEFT_AT_YIELD, FateKind.HELPER_NEVER_ENDS,
        FateKind.ENDLESS_RUN_BY_IOLOOP, FateKind.END_SKIPPED, FateKind.END_NOT_REACHED),
        Family.UNENDED),
}
# the fates whose holder's reads end the task (their places are the path's ends)
ENDING = frozenset(k for k, family in _FAMILIES.items() if family is Family.ENDED)
_COLLECTIONS = frozenset({FateKind.COLLECTION_CLEANED, FateKind.COLLECTION_HANDED,
                          FateKind.LOCAL_COLLECTION_HANDED, FateKind.LOCAL_COLLECTION_DROPPED,
                          FateKind.COLLECTION_GROWS, FateKind.KEY_OVERWRITTEN,
                          FateKind.PRUNED_ON_SUCCESS})
_LOCALS = frozenset({FateKind.LOCAL_CLEANED, FateKind.LOCAL_HANDED, FateKind.STORED_CLEANED,
                     FateKind.LOCAL_ONLY, FateKind.NEVER_READ, FateKind.REBOUND_IN_LOOP,
                     FateKind.HELD_WHILE_RUNNING, FateKind.END_SKIPPED})
_KEEPERS = {Keeper.LOCAL: "local", Keeper.PARAMETER: "parameter", Keeper.ATTRIBUTE: "attribute",
            Keeper.GLOBAL: "global", Keeper.DOTTED: "attribute"}
# how each loss is said, from the fate's facts
_LOSSES: dict[FateKind, str] = {
    FateKind.DISCARDED: "discarded where it is spawned",
    FateKind.DROPPED_AFTER_CALLBACK: "dropped after add_done_callback(), which keeps nothing",
    FateKind.RETURNED_FROM_LAMBDA: "returned from a lambda whose caller drops what it returns",
    FateKind.CALLED_BACK: "spawned by a function called back, which drops what it returns",
    FateKind.NEVER_AWAITED: "a coroutine called back and never awaited",
    FateKind.DROPPED_FROM_COMPREHENSION: "built in a literal that is dropped",
    FateKind.LOCAL_ONLY: "dropped with the local when its function returns",
    FateKind.LOCAL_COLLECTION_DROPPED: "dropped with the local collection",
    FateKind.NEVER_READ: "bound to a name never read again",
    FateKind.DROPPED_RETURN: "returned to a caller that drops it",
    FateKind.HANDED_AND_DROPPED: "handed to a function that neither keeps nor ends it",
    FateKind.HELPER_DROPS: "handed to a helper that neither keeps nor returns it",
    FateKind.WEAKLY_HELD: "held only weakly",
    FateKind.REBOUND_IN_LOOP: "its local rebound on every iteration",
    FateKind.RESPAWNED: "its holder overwritten by a new spawn while it may still run",
    FateKind.KEY_OVERWRITTEN: "its entry overwritten by a new spawn while it may still run",
    FateKind.NEVER_CLEANED: "kept, but nothing awaits, cancels or gathers it",
    FateKind.HELD_WHILE_RUNNING: "held by a function that outlives it, never read",
    FateKind.SINGLETON: "kept once, but nothing awaits, cancels or gathers it",
    FateKind.SLOT_NEVER_CLEANED: "kept in a fixed slot that nothing ends",
    FateKind.COLLECTION_GROWS: "kept in a collection that only grows",
    FateKind.PRUNED_ON_SUCCESS: "pruned only when it succeeds, not when it fails",
    FateKind.LEFT_RUNNING: "left running by a wait that gives up on it",
    FateKind.LEFT_AT_YIELD: "left running when the generator's consumer stops at a yield",
    FateKind.HELPER_NEVER_ENDS: "kept by a helper that never ends it",
    FateKind.ENDLESS_RUN_BY_IOLOOP: "kept by tornado's IOLoop, which never cancels it",
    FateKind.END_SKIPPED: "ended only on the normal way out, and it runs until cancelled",
    FateKind.END_NOT_REACHED: "ended only by a close that its owner's close never calls",
}


def obligation_of(fate: Fate, risk: Risk, created: str, steps: tuple[Step, ...] = ()
                  ) -> Obligation:
    """The path of a spawn judged `risk`, whose fate is `fate` (see the module docstring);
    `created`: where the task is made, as shown ("asyncio.create_task(self._send())");
    `steps`: where its module stores and ends it (the ends only on a path that ends it)."""
    obligation = _obligation(fate, risk, created)
    ended = obligation.family is Family.ENDED
    kept = tuple(s for s in steps if ended or s.kind is StepKind.STORE)
    return replace(obligation, steps=kept) if kept else obligation


def _obligation(fate: Fate, risk: Risk, created: str) -> Obligation:
    family = _FAMILIES[fate.kind]
    holders = _holders(fate)
    lost = family in (Family.DROPPED, Family.OVERWRITTEN, Family.UNENDED)
    if fate.unresolved or (risk is Risk.LOW and lost):
        not_followed = fate.unresolved or _unfollowed(fate)
        return Obligation(Family.UNRESOLVED, created, holders,
                          unresolved=f"what `{not_followed}` holds" if fate.unresolved
                          else not_followed)
    if family is Family.UNRESOLVED:
        if fate.hand is Hand.RETURNED or fate.cleanup:  # returned, or ended where it is handed
            return Obligation(Family.HANDED, created, holders,
                              end=fate.cleanup or "returned to the caller")
        return Obligation(family, created, holders, unresolved=_unfollowed(fate))
    if lost:
        return Obligation(family, created, holders, loss=_LOSSES[fate.kind])
    return Obligation(family, created, holders, end=_end(fate))


def _holders(fate: Fate) -> tuple[Holding, ...]:
    out: list[Holding] = []
    if fate.group:
        out.append(Holding("group", fate.group))
    if fate.holder and fate.kind in _COLLECTIONS:
        out.append(Holding("collection", fate.held_in.removeprefix("collection ")))
    elif fate.holder and (fate.keeper is not None or fate.kind in _LOCALS):
        kind = _KEEPERS[fate.keeper] if fate.keeper is not None else "local"
        out.append(Holding(kind, fate.holder))
    elif fate.holder:
        out.append(Holding("helper", fate.holder))
    if fate.stored_in:
        out.append(Holding("stored", fate.stored_in))
    if fate.returned or fate.hand is Hand.RETURNED or fate.kind is FateKind.RETURNED:
        out.append(Holding("caller", fate.function or "the caller"))
    elif fate.callee and fate.kind in (FateKind.PASSED, FateKind.GATHERED,
                                       FateKind.HANDED_AND_DROPPED, FateKind.LAMBDA_HANDED):
        out.append(Holding("callee", fate.callee))
    return tuple(out)


def _end(fate: Fate) -> str:
    if fate.cleanup:
        return fate.cleanup
    return {FateKind.STRUCTURED: "its task group waits for it",
            FateKind.AWAITED: "awaited where it is spawned",
            FateKind.CANCELLED: "cancelled where it is spawned",
            FateKind.RETURNED: "returned to the caller",
            FateKind.GATHERED: f"waited by {fate.callee}()",
            FateKind.RUN_BY_IOLOOP: "kept by tornado's IOLoop until it is done",
            FateKind.FUTURE_RUN_BY_IOLOOP: "run by tornado until it is done, its error logged",
            }.get(fate.kind, "ended")


def _unfollowed(fate: Fate) -> str:
    """What the analysis did not follow, for a row that makes no claim."""
    if fate.handed:
        return fate.handed.removesuffix(": not followed")
    if fate.callee:
        return f"passed to {fate.callee}()"
    if fate.kind is FateKind.UNPACKED:
        return "unpacked into several names"
    return fate.coroutine
