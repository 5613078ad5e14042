"""A spawn helper that only forgets its task once it is done does not end it.

The asyncio documentation's pattern wrapped in a helper (`task = create_task(coro);
_RUNNING.add(task); task.add_done_callback(_RUNNING.discard); return task`) keeps the task
until it finishes, so a caller that drops the result loses nothing: the helper keeps it. But
pruning forgets a finished task; it cancels, awaits or gathers none. A caller that keeps the
task it gets back and never ends it, or races it and leaves it running, is judged by that, as
it would be with `asyncio.create_task` itself. A helper that ends what it keeps (waits for it or
cancels it on shutdown) answers for every call, whatever the caller does.

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
_PRUNED = frozenset({End.PRUNED})

def only_prunes(ends: Ends) -> bool:
    """Whether a helper's ends (`FunctionFacts.ends`, `Spawner.ends`) only prune its task once
    it is done: no await, gather or cancel, and no read of its result."""
    return ends == _PRUNED


def caller_decides(helper_ends: Ends, caller_fates: Iterable[Fate]) -> bool:
    """Whether the caller's own handling of the returned task, not the helper's keeping,
    decides: the helper only prunes it, and the caller keeps it unended or leaves it running."""
    return only_prunes(helper_ends) and any(
        f.kind in UNENDED_BY_THE_CALLER for f in caller_fates)

