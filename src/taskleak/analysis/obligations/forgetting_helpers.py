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
_PRUNED = frozenset({End.PRUNED})

def only_prunes(ends: Ends) -> bool:
    """Whether a helper's ends (`FunctionFacts.ends`, `Spawner.ends`) only prune its task once
    it is done: no await, gather or cancel, and no read of its result."""
    return ends == _PRUNED


def caller_decides(helper_ends: Ends, caller_fates: Iterable[Fate]) -> bool:
    """Whether the caller's own handling of the returned task, not the helper's keeping,
    decides: the helper only prunes it, and the caller holds it (ends it, keeps it unended or
    leaves it running)."""
    return only_prunes(helper_ends) and any(
        f.kind in HELD_BY_THE_CALLER for f in caller_fates)

