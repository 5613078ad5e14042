"""What a call of a spawn helper is when the helper keeps its task: the helper's promise.

A configured helper (Home Assistant's `hass.async_create_task`) or a helper of the project whose
body the analysis read (`FunctionFacts`, made a `Spawner` by `spawners.helper_spawner`) keeps
the task it spawns and ends it, keeps it forever, or drops it: each call is then judged by that
promise, with the words and the ends (`Spawner.note`, `Spawner.ends`) it carries, not by what
the caller does with the result (`forgetting_helpers` says when the caller still decides).
"""

from __future__ import annotations

from collections.abc import Callable

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.analysis.facts.interface import Promise
from taskleak.analysis.obligations.coroutines import long_running, loop_words
from taskleak.analysis.obligations.forgetting_helpers import only_prunes
from taskleak.analysis.obligations.spawns import Spawn

# what a helper's promise makes of each call of it
_PROMISED = {Promise.KEEPS_AND_CLEANS: FateKind.HELPER_KEEPS,
             Promise.KEEPS: FateKind.HELPER_NEVER_ENDS, Promise.DROPS: FateKind.HELPER_DROPS}


def promised_fate(sp: Spawn, make: Callable[..., Fate]) -> Fate | None:
    """The fate a helper's promise gives its call (`make`: the classifier's fate maker); None
    for a spawn of no helper, or of one that hands its task back (the caller decides)."""
    helper = sp.helper
    if helper is None or helper.promise not in _PROMISED:
        return None
    kind = _PROMISED[helper.promise]
    endless = long_running(sp)
    if kind is FateKind.HELPER_KEEPS and only_prunes(helper.ends) and endless \
            and not helper.project:
        # a library's helper that only forgets its task once done (pipecat's `create_task`)
        # keeps a coroutine that runs until cancelled for good: nothing ends it (a project
        # helper's own spawn is that row, RUBRIC convention 1)
        kind = FateKind.HELPER_NEVER_ENDS
    return make(kind, sp, holder=helper.method if helper.project else helper.name,
                cleanup=helper.note if kind is FateKind.HELPER_KEEPS else "", ends=helper.ends,
                own_work=helper.own_work, long_running=endless, loop=loop_words(sp))
