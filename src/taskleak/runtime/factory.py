"""Record where every task is created, and notice tasks destroyed while still pending.

`install(loop)` puts a `SiteRecordingFactory` on the loop once. It wraps whatever task factory
was already there (an eager factory, aiomonitor's, ...) and forwards every keyword argument
(`name`, `context`, 3.14's `eager_start`), so task creation behaves exactly as before; it only
adds one frame walk and one weak reference per task.

The loop holds tasks only weakly. A pending task nobody references is garbage-collected and
CPython logs "Task was destroyed but it is pending!" through `loop.call_exception_handler`.
Each recorded task carries a weak reference whose callback runs when the task dies; in a garbage
collection that callback runs *before* the task's finaliser, so the site is parked for a moment
and picked up when the finaliser reports the destroyed pending task. Listeners (trackers) hear of
every such task with its creation site; the log line gains a `taskleak_created_at` entry too.
"""

from __future__ import annotations

import asyncio
import gc
import sys
import weakref
from collections.abc import Callable
from typing import Any, cast

from taskleak.runtime.sites import RawSite, Site, caller_site, coroutine_site

DESTROYED_PENDING_MESSAGE = "Task was destroyed but it is pending!"

TaskFactory = Callable[..., "asyncio.Future[Any]"]
DestroyedListener = Callable[["asyncio.Task[Any]", "Site | None"], None]


class _TaskRef(weakref.ref):  # type: ignore[type-arg]
    """A weak reference to a task that remembers the task's id, site and coroutine id."""

    __slots__ = ("coro_id", "site", "task_id")

    task_id: int
    site: RawSite | None
    coro_id: int


class _Registry:
    """Creation sites of live tasks, keyed by `id(task)`, kept exactly as long as the task."""

    def __init__(self) -> None:
        self.live: dict[int, _TaskRef] = {}
        # tasks that just died, for the finaliser that may still report them as pending
        self.recently_dead: dict[int, _TaskRef] = {}
        self.listeners: tuple[DestroyedListener, ...] = ()
        self.collecting = False  # inside a garbage collection (between its start and stop)
        self._gc_hooked = False

    def on_dead(self, ref: _TaskRef) -> None:
        key = ref.task_id
        if self.live.get(key) is ref:
            del self.live[key]
        # A task freed by its reference count is finalised *before* this callback, so only a
        # garbage collection needs the entry parked until its finalisers have run.
        if self.collecting:
            self.recently_dead[key] = ref

    def hook_gc(self) -> None:
        if not self._gc_hooked:
            gc.callbacks.append(self._gc_phase)
            self._gc_hooked = True

    def _gc_phase(self, phase: str, info: dict[str, int]) -> None:
        self.collecting = phase == "start"
        if not self.collecting and self.recently_dead:
            self.recently_dead.clear()

    def raw_site(self, task: asyncio.Task[Any]) -> tuple[bool, RawSite | None]:
        """(known, site): known is False when the task never went through a factory."""
        ref = self.live.get(id(task))
        if ref is None or ref() is not task:
            ref = self.recently_dead.get(id(task))
            if ref is None or ref.coro_id != id(task.get_coro()):
                return (False, None)
        return (True, ref.site)

    def add_listener(self, listener: DestroyedListener) -> None:
        self.listeners = (*self.listeners, listener)

    def remove_listener(self, listener: DestroyedListener) -> None:
        self.listeners = tuple(x for x in self.listeners if x is not listener)


_registry = _Registry()


class SiteRecordingFactory:
    """A task factory that records each task's creation site, then defers to `inner`."""

    __slots__ = ("inner",)

    def __init__(self, inner: TaskFactory | None) -> None:
        self.inner = inner

    def __call__(
        self, loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any
    ) -> asyncio.Future[Any]:
        inner = self.inner
        if inner is None:
            task: asyncio.Future[Any] = asyncio.Task(coro, loop=loop, **kwargs)
        else:
            task = inner(loop, coro, **kwargs)
        registry = _registry
        ref = _TaskRef(task, registry.on_dead)
        ref.task_id = key = id(task)
        ref.site = caller_site(sys._getframe(1))
        ref.coro_id = id(coro)
        registry.live[key] = ref
        return task


def install(loop: asyncio.AbstractEventLoop | None = None) -> SiteRecordingFactory:
    """Install the site-recording factory on `loop` (default: the running loop), once."""
    if loop is None:
        loop = asyncio.get_running_loop()
    current = loop.get_task_factory()
    if isinstance(current, SiteRecordingFactory):
        return current
    factory = SiteRecordingFactory(cast("TaskFactory | None", current))
    loop.set_task_factory(factory)
    _hook_exception_handler(loop)
    _registry.hook_gc()
    return factory


def uninstall(loop: asyncio.AbstractEventLoop) -> None:
    """Put back the factory and exception handling that `install` found."""
    current = loop.get_task_factory()
    if isinstance(current, SiteRecordingFactory):
        loop.set_task_factory(current.inner)
    hooked = loop.__dict__.get("call_exception_handler") if hasattr(loop, "__dict__") else None
    if isinstance(hooked, _ExceptionHook):
        del loop.__dict__["call_exception_handler"]


def is_installed(loop: asyncio.AbstractEventLoop) -> bool:
    return isinstance(loop.get_task_factory(), SiteRecordingFactory)


def creation_site(task: asyncio.Task[Any]) -> Site | None:
    """Where `task` was created: the spawning call if a factory saw it, else the coroutine's."""
    known, raw = _registry.raw_site(task)
    if known and raw is not None:
        return Site(raw[0], raw[1], raw[2], "factory")
    return coroutine_site(task.get_coro())


def add_destroyed_listener(listener: DestroyedListener) -> None:
    """Call `listener(task, site)` for every task destroyed while pending (any hooked loop)."""
    _registry.add_listener(listener)


def remove_destroyed_listener(listener: DestroyedListener) -> None:
    _registry.remove_listener(listener)


class _ExceptionHook:
    """Stands in for `loop.call_exception_handler` to see destroyed pending tasks first."""

    __slots__ = ("original",)

    def __init__(self, original: Callable[[dict[str, Any]], object]) -> None:
        self.original = original

    def __call__(self, context: dict[str, Any]) -> None:
        task = context.get("task")
        if context.get("message") == DESTROYED_PENDING_MESSAGE and isinstance(task, asyncio.Task):
            site = creation_site(task)
            for listener in _registry.listeners:
                try:
                    listener(task, site)
                except Exception:  # a listener must never break the loop's error path
                    pass
            if site is not None and "taskleak_created_at" not in context:
                context = {**context, "taskleak_created_at": site.display()}
        self.original(context)


def _hook_exception_handler(loop: asyncio.AbstractEventLoop) -> None:
    # An instance attribute shadows the method; CPython's Task finaliser looks the method up on
    # the loop object, so it goes through the hook. It survives `set_exception_handler`, which
    # a user handler installed later would otherwise bypass.
    if isinstance(getattr(loop, "call_exception_handler", None), _ExceptionHook):
        return
    try:
        loop.call_exception_handler = _ExceptionHook(  # type: ignore[method-assign]
            loop.call_exception_handler
        )
    except AttributeError:  # a loop without an instance dict (e.g. a C/Cython loop)
        _chain_exception_handler(loop)


def _chain_exception_handler(loop: asyncio.AbstractEventLoop) -> None:
    previous = loop.get_exception_handler()

    def report(context: dict[str, Any]) -> None:
        loop.default_exception_handler(context) if previous is None else previous(loop, context)

    hook = _ExceptionHook(report)
    loop.set_exception_handler(lambda _loop, context: hook(context))
