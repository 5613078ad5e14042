"""Decide which recorded calls are task spawns, by qualified name (see SPEC "What counts")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import libcst as cst

from taskleak.analysis.resolve import LOOP_NAMES, TASKGROUP_NAMES, Resolver, Sym, name_hint
from taskleak.analysis.scan import CallSite, Scope, dotted

SPAWN_QUALIFIED = {
    "asyncio.create_task": "asyncio.create_task",
    "asyncio.tasks.create_task": "asyncio.create_task",
    "asyncio.ensure_future": "asyncio.ensure_future",
    "asyncio.tasks.ensure_future": "asyncio.ensure_future",
    "asyncio.run_coroutine_threadsafe": "asyncio.run_coroutine_threadsafe",
    "asyncio.tasks.run_coroutine_threadsafe": "asyncio.run_coroutine_threadsafe",
}
LOOP_METHODS = frozenset({"create_task", "ensure_future"})
STRUCTURED_METHODS = {"taskgroup": ("create_task", "start_soon", "start"),
                      "nursery": ("start_soon", "start")}


@dataclass(eq=False)
class Spawn:
    site: CallSite
    spawner: str  # "asyncio.create_task", "loop.create_task", "asyncio.TaskGroup.create_task"
    structured: bool
    holder: str = ""  # for structured spawns: the task group's name


def _all_scopes(scope: Scope) -> Iterator[Scope]:
    yield scope
    for child in scope.children:
        yield from _all_scopes(child)


def find_spawns(module: Scope, resolver: Resolver, extra: tuple[str, ...] = ()) -> list[Spawn]:
    out: list[Spawn] = []
    for scope in _all_scopes(module):
        for site in scope.calls:
            spawn = classify_call(site, resolver, extra)
            if spawn is not None:
                out.append(spawn)
    return out


def _matches_extra(func: cst.BaseExpression, resolved: Sym, extra: tuple[str, ...]) -> str | None:
    text = dotted(func)
    for spawner in extra:
        if resolved.kind == "qualified" and resolved.name == spawner:
            return spawner
        if text is not None and (text == spawner or text.endswith("." + spawner)):
            return spawner
    return None


def classify_call(site: CallSite, resolver: Resolver, extra: tuple[str, ...]) -> Spawn | None:
    func = site.node.func
    scope = site.scope
    resolved = resolver.resolve(func, scope)
    if resolved.kind == "qualified" and resolved.name in SPAWN_QUALIFIED:
        return Spawn(site, SPAWN_QUALIFIED[resolved.name], structured=False)
    if extra:
        matched = _matches_extra(func, resolved, extra)
        if matched is not None:
            return Spawn(site, matched, structured=False)
    if not isinstance(func, cst.Attribute):
        return None
    method = func.attr.value
    receiver = resolver.resolve(func.value, scope)
    hint = name_hint(func.value)
    kind = receiver.name if receiver.kind == "instance" else None
    if receiver.kind == "unknown" and hint is not None:
        if hint in LOOP_NAMES:
            kind = "loop"
        elif hint in TASKGROUP_NAMES or "nursery" in hint or "task_group" in hint:
            kind = "taskgroup" if "nursery" not in hint else "nursery"
    if kind == "loop" and method in LOOP_METHODS:
        return Spawn(site, f"loop.{method}", structured=False)
    if kind in STRUCTURED_METHODS and method in STRUCTURED_METHODS[kind]:
        owner = "asyncio.TaskGroup" if kind == "taskgroup" else "trio.Nursery"
        if receiver.kind == "instance":
            owner = _owner(receiver)
        return Spawn(site, f"{owner}.{method}", structured=True, holder=hint or "task group")
    return None


def _owner(sym: Sym) -> str:
    return {"taskgroup": "TaskGroup", "nursery": "Nursery"}.get(sym.name, sym.name)
