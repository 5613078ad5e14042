"""Which recorded calls are task spawns, decided by what they resolve to (SPEC "What counts").

The scan records every call by a spawn's name (`vocabulary.SPAWN_FUNCTIONS`, `SPAWN_METHODS`,
configured spawners' last names); here each is kept or dropped:
- a qualified name from `vocabulary.SPAWN_QUALIFIED` under any alias (`asyncio.create_task`,
  `from asyncio import create_task as spawn`, `spawn = asyncio.create_task`);
- a configured spawner (`hass.async_create_task`), by qualified name or by its dotted tail;
- `create_task`/`ensure_future` on an event loop (from a loop factory, an annotation, or a
  receiver named like one: `bot.loop`);
- `create_task`/`start_soon`/`start` on a task group or nursery: structured, safe by design.
A `create_task` method of anything else (a to-do API client) is not a spawn.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from taskleak.analysis.nodes import dotted
from taskleak.analysis.resolve import Instance, Resolver, Sym, SymKind, name_hint
from taskleak.analysis.scopes import CallSite, Scope
from taskleak.analysis.spawners import Spawner
from taskleak.analysis.vocabulary import (
    LOOP_METHODS,
    LOOP_NAMES,
    SPAWN_QUALIFIED,
    STRUCTURED_METHODS,
    TASKGROUP_NAME_PARTS,
    TASKGROUP_NAMES,
)

_OWNERS = {Instance.TASKGROUP: "TaskGroup", Instance.NURSERY: "Nursery"}


@dataclass(eq=False)
class Spawn:
    site: CallSite
    spawner: str  # "asyncio.create_task", "loop.create_task", "asyncio.TaskGroup.create_task"
    structured: bool
    holder: str = ""  # for structured spawns: the task group's name
    helper: Spawner | None = None  # the configured spawner this call is

    @property
    def coroutine(self) -> cst.BaseExpression | None:
        """What the spawn runs: its first argument, or a configured helper's coroutine."""
        return coroutine_arg(self.site.node, self.helper.coroutine if self.helper else 0)


def coroutine_arg(call: cst.Call, position: int | None) -> cst.BaseExpression | None:
    """The positional argument at `position`; None: the first one that is a call, else the
    first one."""
    args = [a.value for a in call.args if a.keyword is None and not a.star]
    if position is not None:
        return args[position] if position < len(args) else None
    return next((a for a in args if isinstance(a, (cst.Call, cst.Await))),
                args[0] if args else None)


def find_spawns(module: Scope, resolver: Resolver, extra: tuple[Spawner, ...] = ()
                ) -> list[Spawn]:
    """The spawns among the calls the scan recorded, in text order within each scope."""
    out: list[Spawn] = []
    for scope in module.walk():
        for site in scope.calls:
            spawn = classify_call(site, resolver, extra)
            if spawn is not None:
                out.append(spawn)
    return out


def _matches_extra(func: cst.BaseExpression, resolved: Sym, receiver: Sym | None,
                   extra: tuple[Spawner, ...]) -> Spawner | None:
    """The configured spawner this callee is, by what it resolves to: the qualified name of an
    import (a relative one by its tail), the dotted text, a receiver named like the configured
    one (`self._hass` for `hass`), or an instance of the configured class."""
    text = dotted(func)
    qualified = resolved.name if resolved.kind is SymKind.QUALIFIED else ""
    for spawner in extra:
        name = spawner.name
        if qualified and (qualified == name or (qualified.startswith(".") and (
                name == qualified.lstrip(".") or name.endswith(qualified)))):
            return spawner
        if text is not None and (text == name or text.endswith("." + name)):
            return spawner
        if isinstance(func, cst.Attribute) and func.attr.value == spawner.method \
                and spawner.receiver and _same_receiver(func.value, receiver, spawner):
            return spawner
    return None


def _same_receiver(node: cst.BaseExpression, receiver: Sym | None, spawner: Spawner) -> bool:
    wanted = spawner.receiver.rsplit(".", 1)[-1].strip("_")
    hint = name_hint(node)
    if hint is not None and hint.strip("_").endswith(wanted):
        return True  # `self._hass`, `config_entry` for `entry`
    return receiver is not None and receiver.kind is SymKind.INSTANCE and bool(receiver.name) \
        and (receiver.name == spawner.receiver or receiver.name.endswith("." + wanted))


def _receiver_kind(receiver: Sym, hint: str | None) -> Instance | None:
    """A loop, a task group or a nursery: resolved, or guessed from the receiver's name."""
    if receiver.kind is SymKind.INSTANCE:
        return receiver.instance
    if receiver.kind is SymKind.UNKNOWN and hint is not None:
        if hint in LOOP_NAMES:
            return Instance.LOOP
        if hint in TASKGROUP_NAMES or any(part in hint for part in TASKGROUP_NAME_PARTS):
            return Instance.NURSERY if "nursery" in hint else Instance.TASKGROUP
    return None


def classify_call(site: CallSite, resolver: Resolver, extra: tuple[Spawner, ...]
                  ) -> Spawn | None:
    """The spawn this call is, or None."""
    func = site.node.func
    scope = site.scope
    resolved = resolver.resolve(func, scope)
    if resolved.kind is SymKind.QUALIFIED and resolved.name in SPAWN_QUALIFIED:
        return Spawn(site, SPAWN_QUALIFIED[resolved.name], structured=False)
    receiver = resolver.resolve(func.value, scope) if isinstance(func, cst.Attribute) else None
    if extra:
        matched = _matches_extra(func, resolved, receiver, extra)
        if matched is not None:
            return Spawn(site, matched.name, structured=False, helper=matched)
    if not isinstance(func, cst.Attribute) or receiver is None:
        return None
    method = func.attr.value
    hint = name_hint(func.value)
    kind = _receiver_kind(receiver, hint)
    if kind is Instance.LOOP and method in LOOP_METHODS:
        return Spawn(site, f"loop.{method}", structured=False)
    if kind is not None and kind.value in STRUCTURED_METHODS \
            and method in STRUCTURED_METHODS[kind.value]:
        owner = "asyncio.TaskGroup" if kind is Instance.TASKGROUP else "trio.Nursery"
        if receiver.kind is SymKind.INSTANCE:
            owner = _OWNERS[kind]
        return Spawn(site, f"{owner}.{method}", structured=True, holder=hint or "task group")
    return None
