"""Which calls the scan takes for spawn sites by their names, and the sites a scanned module
gains when more spawner names join after the walk (its own helpers: `local_helpers.py`).

A call is a site by the last name it calls and, for a call that runs or calls back a function
it is given (`context.run(f, ...)`, `loop.call_soon(f)`), by that argument's last name
(`spawn_branch`). Those names are the only facts of the walk that hang on the spawner names;
every other fact (scopes, bindings, reads, dropped calls) is the same for any of them.

Speed trick (one place): a module that calls a spawn helper of its own is analysed again with
that helper among the spawner names (`analyse.py`). That round used to walk the module again:
on mid, 33 of 91 modules took one, 0.98 s of 2.13 s analysing. Now the walk keeps, for each call
that is no site and has no other effect (`PendingCall`), its place (the nodes above it); the
round turns the calls of the new names into sites from there, with the walk's own code
(`Scanner.site_at`). A call whose reading changes any other way (a runner, a wrapper, a call
back, an argument now naming a spawner) makes the round walk the module again, as before.
`tests/analysis/test_named_sites.py` compares both ways on every case.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Set
from enum import Enum

import libcst as cst

from taskleak.analysis.tree.nodes import last_name
from taskleak.analysis.tree.scopes import CallSite, Scope
from taskleak.analysis.tree.vocabulary import (
    CALLBACK_POSITIONS,
    CALLED_BACK_LATER,
    LOOP_RUNNERS,
    SPAWN_FUNCTIONS,
    SPAWN_METHODS,
    VIA_CALLS,
    WRAPPING_NAMES,
)
from taskleak.records import record

SPAWN_NAMES = SPAWN_FUNCTIONS | SPAWN_METHODS


class Branch(Enum):
    """How the scan reads a call, by names."""

    VIA = "via"  # runs the spawn function it is given: `context.run(loop.create_task, coro)`
    SPAWN = "spawn"  # calls a spawn function, or a spawner of the settings or the module
    CALLBACK_SPAWNS = "callback_spawns"  # calls back a spawn function it is given, later
    CALLBACK = "callback"  # calls back the function it is given (a coroutine function's spawn)
    OTHER = "other"  # none of these (a loop runner, a wrapper like `gather`, or nothing)


def names_a_spawn(value: cst.BaseExpression, names: Set[str]) -> bool:
    """`loop.create_task` passed on, not called (`context.run(loop.create_task, coro)`)."""
    name = last_name(value) if type(value) in (cst.Name, cst.Attribute) else None
    return name is not None and (name in SPAWN_NAMES or name in names)


def spawn_branch(name: str, node: cst.Call, names: Set[str]) -> Branch:
    """How the scan reads a call of `name` (its last name) with these spawner names (the
    settings', the module's own helpers', and the local aliases bound before the call)."""
    if name in VIA_CALLS and node.args and names_a_spawn(node.args[0].value, names):
        return Branch.VIA
    if name in SPAWN_NAMES or name in names:
        return Branch.SPAWN
    if name in CALLBACK_POSITIONS and len(node.args) > (at := CALLBACK_POSITIONS[name]):
        spawns = name in CALLED_BACK_LATER and names_a_spawn(node.args[at].value, names)
        return Branch.CALLBACK_SPAWNS if spawns else Branch.CALLBACK
    return Branch.OTHER


def named_argument(name: str, node: cst.Call) -> str | None:
    """The last name of the argument whose name can change how a call of `name` is read (the
    function a runner or a call-back registration is given), None when there is none."""
    at = 0 if name in VIA_CALLS else CALLBACK_POSITIONS.get(name)
    if at is None or len(node.args) <= at:
        return None
    value = node.args[at].value
    return last_name(value) if type(value) in (cst.Name, cst.Attribute) else None


@record(eq=False)
class PendingCall:
    """A call the walk read as something other than a spawn site, and what it knew there."""

    node: cst.Call
    name: str  # its last name
    argument: str | None  # `named_argument`
    scope: Scope
    seq: int
    names: frozenset[str]  # the spawner names in force at the call
    # the nodes from the module down to the call (None: the call has an effect of its own,
    # a loop runner or a wrapper, so it cannot just become a site)
    place: tuple[cst.CSTNode, ...] | None


def becoming_sites(pending: list[PendingCall], before: Set[str], after: Set[str]
                   ) -> list[PendingCall] | None:
    """The pending calls that become plain spawn sites when the spawner names the module was
    read with (`before`) grow to `after`, or None when some call's reading changes otherwise
    (the module must be walked again)."""
    added = after - before
    out: list[PendingCall] = []
    for call in pending:
        if call.name not in added and call.argument not in added:
            continue
        old = spawn_branch(call.name, call.node, call.names | before)
        new = spawn_branch(call.name, call.node, call.names | after)
        if old is new:
            continue
        if old is not Branch.OTHER or new is not Branch.SPAWN or call.place is None:
            return None
        out.append(call)
    return out


def has_effect(name: str) -> bool:
    """A call the scan records when no spawn (`OTHER`): a loop runner, or a wrapper."""
    return name in LOOP_RUNNERS or name in WRAPPING_NAMES


def add_sites(pending: list[PendingCall], before: Set[str], after: Set[str],
              site_at: Callable[[PendingCall], CallSite]) -> list[CallSite] | None:
    """The spawn sites the pending calls become with the spawner names `after` (the module
    was read with `before`), each put in its scope's calls in text order; None when the module
    must be walked again (`becoming_sites`)."""
    calls = becoming_sites(pending, before, after)
    if calls is None:
        return None
    sites = [site_at(call) for call in calls]
    for site in sites:
        insort(site.scope.calls, site, key=_seq)
    return sites


def _seq(site: CallSite) -> int:
    return site.seq
