"""The one decision on a name the analysis keeps: a receiver nothing types, named like an event
loop (`self.hass.loop`, `bot.loop`) or a task group (`self._nursery`), is taken for one, after
every fact has been asked (issue 68). Removing it lost labelled rows of read sets (stop 68:
homeassistant's homee config flow, discord.py's command tree): those receivers are typed only
through a base class of another module, which the chains (`names/chains.py`) do not follow yet.
anyio's trio backend and httpx-ws no longer need it (their groups are typed by `__aenter__()`
and `enter_async_context()`, `names/resolve.py`). Removing the task-group half still loses
labelled lows (measured at stop 76): coredis's six (dev20), `self.task_group.start(...)` through
a property a base class of another module declares `-> TaskGroup`, which reading such a class
whole for a call through a member it lacks brings back (tried); and asyncio-for-robotics's one
(dev35), `self._scope.task_group.create_task(...)` with `_scope: Scope` declared by a base of
another module, whose chain through another module's class is not typed. One place, so that it
goes in one change."""

from __future__ import annotations

from taskleak.analysis.names.resolve import Instance, Sym, SymKind
from taskleak.analysis.tree.vocabulary import LOOP_NAMES, TASKGROUP_NAME_PARTS, TASKGROUP_NAMES


def named_a_loop(receiver: Sym, hint: str | None) -> bool:
    """A receiver nothing types, named like an event loop (`vocabulary.LOOP_NAMES`): a decision
    on a name, kept until the chains type `self.hass.loop` through a base class of another
    module (removing it lost labelled highs of read sets)."""
    return receiver.kind is SymKind.UNKNOWN and hint in LOOP_NAMES


def named_a_group(receiver: Sym, hint: str | None) -> Instance | None:
    """A receiver nothing types, named like a task group or a nursery (`self._nursery`): the
    same decision on a name as `named_a_loop`, kept for the same reason."""
    if receiver.kind is not SymKind.UNKNOWN or hint is None \
            or not (hint in TASKGROUP_NAMES or any(p in hint for p in TASKGROUP_NAME_PARTS)):
        return None
    return Instance.NURSERY if "nursery" in hint else Instance.TASKGROUP
