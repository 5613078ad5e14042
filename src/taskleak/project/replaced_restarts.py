"""A store reached again through a method that replaces one which ended its holder first.

    class Poller:                                  # pollkit/base.py
        def start(self):   self._task = asyncio.create_task(self._loop())
        def stop(self):    self._task.cancel()
        def restart(self): self.stop(); self.start()

    class MetricsPoller(Poller):                   # pollkit/metrics.py
        def restart(self): self.start()            # the base's stop() is gone

The base's `restart()` ends `self._task` and stores into it again (`ClassFacts.effects`, its
calls followed through the class and its bases wherever they live): the class runs it while
that task may be live, else it would not end it. A method of a subclass (or of the spawning
class) that replaces it and reaches the same store ending nothing of that holder
(`self.start()`, or a spawn into it of its own, `on_reconnect()` re-storing a listener) stores
over the running task: a re-spawn, said with the two methods. The method replaced is the next
one an object of the class would run, in its resolution order, that does something (a stub
only declares it: a sibling mixin's `on_reconnect()` replaces the common base's, past the stub
of its own base). Read from the classes' facts of every module the run holds, the same
wherever each class lives.
"""

from __future__ import annotations

from taskleak.project.index import ProjectIndex, Where
from taskleak.project.lineage import ancestors, defining, reached


def replaced_restart(index: ProjectIndex, path: str, function: str, attribute: str) -> str:
    """How the store into `self.<attribute>` made by method `function` (qualified name in
    `path`) is reached again over a live task: "ShardedPubSub.on_reconnect() replaces
    PubSub.on_reconnect(), which ends self._listener before it stores it again"; "" when no
    method does. Each class that runs the store (the spawning class and its subclasses) is read
    with its bases, nearest first, as its objects run them."""
    cls, _, name = function.rpartition(".")
    owner: Where = (path, cls)
    if owner not in index.classes:
        return ""
    for klass in (owner, *sorted(index.tree.subclasses(owner))):
        lineage = [klass, *ancestors(index, klass)]
        if defining(index, lineage, name) != owner:
            continue  # (its objects run another `name`: never this store)
        for method in dict.fromkeys(m for c in lineage for m in index.classes[c].methods):
            here = defining(index, lineage, method)
            if here is None:
                continue
            ends, _, calls = reached(index, lineage, method, here)
            if attribute in ends or not (method == name or name in calls):
                continue
            rest = lineage[lineage.index(here) + 1:]
            base = defining(index, rest, method, concrete=True)
            if base is None:
                continue
            ends, stores, _ = reached(index, lineage, method, base)
            if attribute in ends and attribute in stores:
                return (f"{here[1]}.{method}() replaces {base[1]}.{method}(), which "
                        f"ends self.{attribute} before it stores it again")
    return ""
