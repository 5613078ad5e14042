"""A storing function called again, through a chain of callers, from inside a task it starts.

`_attempt()` stores a reader and a ping loop; the reader's way out on an error calls
`_on_error()`, which calls `_start_reconnect()`, which runs `_reconnect()`, which calls
`_connect_with_backoff()`, which calls `_attempt()` again: each reconnect stores a new ping loop
over the one still running (webex-kms-sdk's Mercury client). The
lifecycle's own evidence (`lifecycle.py`) sees a function called from inside a task it starts
only when that task calls it directly, or through a caller whose own frequency it knows; here
each caller on the way runs once as far as its module says, and only the whole chain comes back
round. This follows the callers of the storing function (calls by name, as the module resolves
them: `Lifecycle.reads_of`), a few links up (`_LINKS`), to one made inside a task the storing
function starts: once per round of that task, the origin its successor check reads
(`coroutines.asks_for_its_successor`: the reader that asks and then ends is excused, the ping
loop that goes on is not).

Asked only for a stored task that runs until cancelled (`respawns.py`): one that ends by itself
(a listener over the socket the reconnect replaces) has ended, or ends with its connection, by
the time the chain stores its successor (voicechatengine's listener, both readers low).

Near miss: a chain that never reaches such a task (the reconnect started only by a user's call)
is no evidence; neither is a call the caller makes after ending the old task (`excused`, as for
the lifecycle's own callers).
"""

from __future__ import annotations

from collections.abc import Callable

from taskleak.analysis.frequency.lifecycle import Frequency, Lifecycle
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.scopes import Occurrence, Scope

_LINKS = 6  # callers followed up from the storing function


def called_back_by_its_task(fn: Scope, lifecycle: Lifecycle,
                            excused: Callable[[Occurrence], bool] | None = None
                            ) -> Frequency | None:
    """`fn` runs once per round of a task it starts, reached through its callers (see the
    module docstring); None when no chain of callers leads there."""
    started = lifecycle.started_by(fn)
    if not started:
        return None
    todo: list[tuple[Scope, tuple[str, ...]]] = [(fn, ())]
    seen = {id(fn)}
    while todo:
        callee, chain = todo.pop(0)
        for occ in lifecycle.reads_of(callee):
            if occ.dest.kind is not Flow.CALLED or occ.scope.within(fn) \
                    or (excused is not None and excused(occ)):
                continue
            task = next((t for t, _ in started if occ.scope.within(t)), None)
            if task is not None:
                if not chain:
                    return None  # called by the task itself: the lifecycle's own evidence
                through = ", ".join(f"{name}()" for name in reversed(chain))
                return Frequency(True, fn.name, f"called again by {task.name}(), which "
                                 f"{fn.name}() starts as a task, through {through}",
                                 occ.scope)
            caller = occ.scope.method()
            if caller is None or id(caller) in seen or len(chain) >= _LINKS:
                continue
            seen.add(id(caller))
            todo.append((caller, (*chain, caller.name)))
    return None
