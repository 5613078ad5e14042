"""A spawn helper that only forgets its task once it is done does not end it.

The asyncio documentation's pattern wrapped in a helper (`task = create_task(coro);
_RUNNING.add(task); task.add_done_callback(_RUNNING.discard); return task`) keeps the task
until it finishes, so a caller that drops the result loses nothing: the helper keeps it, and
the helper's spawn is the row. But pruning forgets a finished task; it cancels, awaits or
gathers none. So a caller that holds the task it gets back answers for its end, as it would
with `asyncio.create_task` itself: the row is at the call, judged by what the caller does
(ends it on its close: low; keeps it unended, or races it and leaves it running: reported).
A helper that ends what it keeps (waits for it or cancels it on shutdown) answers for every
call, whatever the caller does (its calls are no rows).

Read by the module's own analysis (`classify.py`, a helper of the module) and by the project
join (`project/answers.py`, a helper of another module): the same decision both ways.
"""

from __future__ import annotations

from collections.abc import Iterable

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.analysis.facts.interface import End, Ends

# The caller keeps the task and nothing ends it, or a race leaves it running: true whether or
# not the helper also holds it until it is done.
UNENDED_BY_THE_CALLER = frozenset({
    FateKind.NEVER_CLEANED, FateKind.SINGLETON, FateKind.SLOT_NEVER_CLEANED,
    FateKind.LEFT_RUNNING, FateKind.RESPAWNED, FateKind.KEY_OVERWRITTEN,
    FateKind.COLLECTION_GROWS,
})
# The caller holds the task and its own code answers for its end (or for the lack of one).
HELD_BY_THE_CALLER = UNENDED_BY_THE_CALLER | frozenset({
    FateKind.LOCAL_CLEANED, FateKind.STORED_CLEANED, FateKind.KEPT_CLEANED,
    FateKind.COLLECTION_CLEANED, FateKind.AWAITED, FateKind.CANCELLED, FateKind.GATHERED,
    FateKind.END_SKIPPED,
})
# Handed on where the analysis stops following it: whoever it is handed to answers for its
# end (the words say it is not followed, or the join finds the end). Read only against a
# helper that keeps for good what runs until cancelled (a library's: `helper_promises.py`),
# whose claim (medium) would otherwise rest on an end not followed; a helper that keeps the
# task until it is done answers for a call that hands it on (RUBRIC convention 1: no row).
_HANDED_ON = frozenset({
    FateKind.PASSED, FateKind.LOCAL_HANDED, FateKind.KEPT_HANDED, FateKind.COLLECTION_HANDED,
    FateKind.LOCAL_COLLECTION_HANDED,
})
_PRUNED = frozenset({End.PRUNED})
# what a helper's call is when the helper keeps its task: kept until done (a library helper
# given a coroutine that runs until cancelled never lets it go: `helper_promises.py`)
_KEPT_BY_THE_HELPER = frozenset({FateKind.HELPER_KEEPS, FateKind.HELPER_NEVER_ENDS})


def forgets_when_done(promised: Fate) -> bool:
    """Whether a helper's call (its promised fate) is kept by a helper that only forgets the
    task once it is done: the caller that holds it still decides (`caller_decides`)."""
    return promised.kind in _KEPT_BY_THE_HELPER and only_prunes(promised.ends)


def only_prunes(ends: Ends) -> bool:
    """Whether a helper's ends (`FunctionFacts.ends`, `Spawner.ends`) only prune its task once
    it is done: no await, gather or cancel, and no read of its result."""
    return ends == _PRUNED


def caller_decides(helper_ends: Ends, caller_fates: Iterable[Fate],
                   kept_for_good: bool = False) -> bool:
    """Whether the caller's own handling of the returned task, not the helper's keeping,
    decides: the helper only prunes it, and the caller holds it (ends it, keeps it unended or
    leaves it running), or hands it on where a helper keeping it for good (`kept_for_good`)
    would otherwise be the claim."""
    held = HELD_BY_THE_CALLER | _HANDED_ON if kept_for_good else HELD_BY_THE_CALLER
    return only_prunes(helper_ends) and any(f.kind in held for f in caller_fates)
