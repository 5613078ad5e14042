"""A collection attribute filled once per run of a function, its tasks stopped by their owner.

    class Agent:
        def shutdown(self): self._shutdown_event.set()
        async def run(self): self.tasks.append(asyncio.create_task(self.repl_task()))
        async def repl_task(self):
            while not self._shutdown_event.is_set(): ...

The list holds the one task each run adds, ended on the owner's way out through the event its
loop tests, as the same task in an attribute is (`closing.owner_ends`): kept and ended. How
often `run()` runs is the question: its module's evidence (a loop around the spawn, a
registration, a decorator, a caller that repeats it: `lifecycle.py`) makes it a collection that
only grows, and so does a loop of another module calling it on one object
(`Fate.grows_if_repeated`, `project/reentry.py`).
"""

from __future__ import annotations

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.frequency.lifecycle import Lifecycle
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.lifetimes import joined_by, stopped_on_signal
from taskleak.analysis.obligations.spawns import Spawn


def once_stopped_by_its_owner(sp: Spawn, holder: Holder, eff: Effects, lifecycle: Lifecycle
                              ) -> str:
    """How the owner ends the tasks of its collection attribute that nothing else ends, when
    the spawn adds one per run of a function its module never sees run again (no loop around
    it, no registration, decorator or caller here that repeats it): its coroutine's loop is
    stopped through a flag or a sentinel of the class (`stopped_on_signal`), or joined. Such a
    collection holds a fixed few tasks, each ended on the owner's way out, as an attribute
    would (`owner_ends`); whether another module runs the function again, the join reads
    (`Fate.grows_if_repeated`). Near miss: the same spawn in a handler that runs per message
    adds a task per message that lives until shutdown: the collection only grows. ""
    otherwise."""
    site = sp.site
    if holder.kind is not Keeper.ATTRIBUTE or eff.handed or site.loops \
            or lifecycle.of(site.scope).repeats:
        return ""
    return joined_by(site) or stopped_on_signal(site)
