"""The one decision on a name the analysis keeps: a receiver nothing types, named like an event
loop (`self.hass.loop`, `bot.loop`) or a task group (`self._nursery`), is taken for one, after
every fact has been asked (issue 68). Removing it lost labelled rows of read sets (stop 68:
homeassistant's homee config flow, discord.py's command tree): those receivers are typed only
through a base class of another module, which the chains (`names/chains.py`) do not follow yet.
anyio's trio backend no longer needs it (its nursery is typed by its `__aenter__()`,
`names/resolve.py`: renaming its private names changes no row since stop 76); removing the
task-group half still loses coredis's six lows (dev20), `self.task_group.start(...)` through a
property a base class of another module declares `-> TaskGroup`, a class the inheritance round
does not read whole for a call that is no spawn in its own module. One place, so that it goes
in one change."""

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
