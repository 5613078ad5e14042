"""A leaked task as reported: what it runs, where it was created, where it waits."""

from __future__ import annotations

import asyncio
import fnmatch
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from taskleak.records import record
from taskleak.runtime.factory import creation_site
from taskleak.runtime.sites import (
    Site,
    coroutine_module,
    coroutine_name,
    own_coroutine,
    suspended_site,
)

PENDING = "pending"  # still pending when the block ended
DESTROYED = "destroyed"  # garbage-collected while pending: it never finished

# An ignore rule: a glob matched against the task name, the coroutine's qualified name, its
# module, and `module.qualname` (and the same of the wrapper it runs through, if any); or a
# predicate on the leaked task.
IgnoreRule = str | Callable[["LeakedTask"], bool]

# Tasks that are never a user's leak: the loop's async-generator finaliser closes generators
# in `aclose()` tasks whose awaitable is an `async_generator_athrow`.
DEFAULT_IGNORE: tuple[str, ...] = ("async_generator_athrow",)


@record(frozen=True)
class LeakedTask:
    name: str  # the task's name, e.g. "Task-7" or the name given at creation
    coroutine: str  # qualified name of what it runs, e.g. "ServiceContext._finish_heavy_init"
    module: str  # module of the coroutine's function ('' if unknown)
    created_at: Site | None  # the spawning call (or the best the coroutine tells)
    suspended_at: Site | None  # where it waits now (None once destroyed or not started)
    kind: str = PENDING  # PENDING | DESTROYED
    # the library coroutine the task runs `coroutine` through (anyio's `TaskHandle._run_coro`),
    # and its module; '' when the task runs its coroutine itself
    wrapper: str = ""
    wrapper_module: str = ""

    def matches(self, pattern: str) -> bool:
        # the wrapper's names match too: a glob written on them keeps its meaning, and so do
        # the plugin's defaults, which name the test runners' own modules
        candidates = [self.name]
        for coroutine, module in ((self.coroutine, self.module),
                                  (self.wrapper, self.wrapper_module)):
            if coroutine:
                candidates.append(coroutine)
            if module:
                candidates += [module, f"{module}.{coroutine}"]
        return any(fnmatch.fnmatchcase(c, pattern) for c in candidates)

    def describe(self, root: str | None = None, *, name: bool = True) -> str:
        head = f"{self.name} running {self.coroutine}()" if name else f"{self.coroutine}()"
        if self.kind == DESTROYED:
            head += " was destroyed while pending"
        parts = [head]
        if self.created_at is not None:
            how = "" if self.created_at.source == "factory" else f" [{self.created_at.source}]"
            parts.append(f"created at {self.created_at.display(root)}{how}")
            if self.created_at.via is not None:
                parts.append(f"called from {self.created_at.via.display(root)}")
        if self.suspended_at is not None and self.kind == PENDING:
            parts.append(f"waiting at {self.suspended_at.display(root)}")
        return ", ".join(parts)


def describe_task(task: asyncio.Task[Any], kind: str = PENDING) -> LeakedTask:
    """The task as reported: named by its own coroutine, not by a library's wrapper around it
    (so the report, the suggested `taskleak_allow` glob and the marker agree on one task)."""
    coro = task.get_coro()
    own = own_coroutine(coro)
    wrapped = own is not coro
    return LeakedTask(
        name=task.get_name(),
        coroutine=coroutine_name(own),
        module=coroutine_module(own),
        created_at=creation_site(task),
        suspended_at=suspended_site(coro),
        kind=kind,
        wrapper=coroutine_name(coro) if wrapped else "",
        wrapper_module=coroutine_module(coro) if wrapped else "",
    )


def is_ignored(leak: LeakedTask, rules: Iterable[IgnoreRule]) -> bool:
    for rule in rules:
        if isinstance(rule, str):
            if leak.matches(rule):
                return True
        elif rule(leak):
            return True
    return False


def format_leaks(leaks: Sequence[LeakedTask], max_leaked: int, root: str | None = None) -> str:
    """A report a reader understands at once: one line per creation site and coroutine."""
    noun = "task" if len(leaks) == 1 else "tasks"
    lines = [f"{len(leaks)} {noun} leaked (allowed: {max_leaked}):"]
    groups: dict[tuple[str, str, str], list[LeakedTask]] = {}
    for leak in leaks:
        site = leak.created_at.display(root) if leak.created_at else ""
        groups.setdefault((site, leak.coroutine, leak.kind), []).append(leak)
    for group in groups.values():
        first = group[0]
        if len(group) == 1:
            lines.append(f"  - {first.describe(root)}")
            continue
        names = ", ".join(leak.name for leak in group[:3])
        more = f", +{len(group) - 3}" if len(group) > 3 else ""
        lines.append(f"  - {len(group)} x {first.describe(root, name=False)} ({names}{more})")
    return "\n".join(lines)
