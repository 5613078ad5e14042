"""Record where every task is created, and notice tasks destroyed while still pending.

`install(loop)` wraps the loop's `create_task` once, on the loop object itself (an instance
attribute shadowing the method): every task is still made by the loop's own `create_task`, with
the loop's own task factory (none, an eager one, aiomonitor's, ...) and every keyword argument
(`name`, `context`, 3.14's `eager_start`) passed on unchanged, so `get_task_factory()`, task
names and contexts are exactly what the code would see without taskleak (a task factory would
not do: on CPython 3.13.0-3.13.2 any factory names unnamed tasks "None"). It adds one frame walk
and one weak reference per task. A loop whose methods cannot be shadowed (a C/Cython loop)
gets a `SiteRecordingFactory` wrapping its factory instead.

The loop holds tasks only weakly. A pending task nobody references is garbage-collected and
CPython logs "Task was destroyed but it is pending!" through `loop.call_exception_handler`.
Each recorded task is the key of a weak reference whose callback drops its entry when the task
dies; in a garbage collection that callback runs *before* the task's finaliser, so the site is
parked until the collection ends and picked up when the finaliser reports the destroyed task.
Listeners (trackers) hear of every such task with its creation site; the log line gains a
`taskleak_created_at` entry too.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import sys
import weakref
from collections.abc import Callable
from typing import Any, cast

from taskleak.runtime.sites import RawSite, Site, caller_site, coroutine_site

DESTROYED_PENDING_MESSAGE = "Task was destroyed but it is pending!"

TaskFactory = Callable[..., "asyncio.Future[Any]"]
DestroyedListener = Callable[["asyncio.Task[Any]", "Site | None"], None]


# Creation sites of live tasks. The key is a weak reference to the task, with a callback: the
# entry lives exactly as long as the task. (A weak reference hashes like its referent and keeps
# that hash after death, so the callback can still find and remove it.)
_live: dict[weakref.ref[Any], RawSite | None] = {}
# Sites of tasks that died during the current garbage collection, by hash(task): a collection
# runs weakref callbacks *before* finalisers, and the finaliser is what reports a destroyed
# pending task. (A task freed by its reference count is finalised before its callback runs.)
_parked: dict[int, RawSite | None] = {}
_collecting = False
_listeners: tuple[DestroyedListener, ...] = ()
_MISSING: Any = object()
_new_ref = weakref.ref
_getframe = sys._getframe


def _on_dead(ref: weakref.ref[Any]) -> None:
    site = _live.pop(ref, _MISSING)
    if _collecting and site is not _MISSING:
        _parked[hash(ref)] = site


def _gc_phase(phase: str, info: dict[str, int]) -> None:
    global _collecting
    _collecting = phase == "start"
    if not _collecting and _parked:
        _parked.clear()


def _raw_site(task: asyncio.Future[Any]) -> tuple[bool, RawSite | None]:
    """(known, site): known is False when the task never went through a factory."""
    site = _live.get(_new_ref(task), _MISSING)
    if site is _MISSING:
        site = _parked.get(hash(task), _MISSING)
        if site is _MISSING:
            return (False, None)
    return (True, site)


class SiteRecordingFactory:
    """A task factory that records each task's creation site, then defers to `inner`."""

    __slots__ = ("created", "inner")

    def __init__(self, inner: TaskFactory | None) -> None:
        self.inner = inner
        self.created = 0

    def __call__(
        self, loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any
    ) -> asyncio.Future[Any]:
        inner = self.inner
        if inner is None:
            task: asyncio.Future[Any] = asyncio.Task(coro, loop=loop, **kwargs)
        else:
            task = inner(loop, coro, **kwargs)
        _live[_new_ref(task, _on_dead)] = caller_site(_getframe(1))
        self.created += 1
        return task


class CreateTaskHook:
    """Stands in for `loop.create_task`: the loop's own method makes the task, then the caller's
    site is recorded. Nothing the task or the code sees changes (factory, name, context)."""

    __slots__ = ("created", "original")

    def __init__(self, original: Callable[..., asyncio.Task[Any]]) -> None:
        self.original = original
        self.created = 0

    def __call__(self, coro: Any, **kwargs: Any) -> asyncio.Task[Any]:
        task = self.original(coro, **kwargs)
        _live[_new_ref(task, _on_dead)] = caller_site(_getframe(1))
        self.created += 1
        return task


def install(
    loop: asyncio.AbstractEventLoop | None = None,
) -> CreateTaskHook | SiteRecordingFactory:
    """Record creation sites on `loop` (default: the running loop), once.

    `loop.create_task` is shadowed on the loop object; only a loop that refuses instance
    attributes gets a wrapping task factory instead.
    """
    if loop is None:
        loop = asyncio.get_running_loop()
    existing = _hook(loop)
    if existing is not None:
        return existing
    current = loop.get_task_factory()
    installed: CreateTaskHook | SiteRecordingFactory
    try:
        installed = CreateTaskHook(loop.create_task)
        loop.create_task = installed  # type: ignore[method-assign]
    except AttributeError:  # no instance dict (e.g. uvloop): a factory is the only way in
        installed = SiteRecordingFactory(cast("TaskFactory | None", current))
        loop.set_task_factory(installed)
    _hook_exception_handler(loop)
    if _gc_phase not in gc.callbacks:
        gc.callbacks.append(_gc_phase)
    return installed


def uninstall(loop: asyncio.AbstractEventLoop) -> None:
    """Put back the `create_task`, factory and exception handling that `install` found."""
    if isinstance(getattr(loop, "__dict__", {}).get("create_task"), CreateTaskHook):
        del loop.__dict__["create_task"]
    current = loop.get_task_factory()
    if isinstance(current, SiteRecordingFactory):
        loop.set_task_factory(current.inner)
    hooked = getattr(loop, "__dict__", {}).get("call_exception_handler")
    if isinstance(hooked, _ExceptionHook):
        del loop.__dict__["call_exception_handler"]
    chained = loop.get_exception_handler()
    if isinstance(chained, _ChainedHandler):
        loop.set_exception_handler(chained.previous)


def _hook(loop: asyncio.AbstractEventLoop) -> CreateTaskHook | SiteRecordingFactory | None:
    hooked = getattr(loop, "__dict__", {}).get("create_task")
    if isinstance(hooked, CreateTaskHook):
        return hooked
    factory = loop.get_task_factory()
    return factory if isinstance(factory, SiteRecordingFactory) else None


def is_installed(loop: asyncio.AbstractEventLoop) -> bool:
    return _hook(loop) is not None


def tasks_created(loop: asyncio.AbstractEventLoop) -> int:
    """How many tasks were made on `loop` since `install` (0 if not installed). Every way of
    running a coroutine on a loop (`run_until_complete`, `Runner.run`) makes a task, so a count
    that moved says the loop ran something."""
    hook = _hook(loop)
    return hook.created if hook is not None else 0


def creation_site(task: asyncio.Task[Any]) -> Site | None:
    """Where `task` was created: the spawning call if a factory saw it, else the coroutine's."""
    known, raw = _raw_site(task)
    if known and raw is not None:
        via = raw[3]
        return Site(
            raw[0], raw[1], raw[2], "factory", Site(*via, "frame") if via is not None else None
        )
    return coroutine_site(task.get_coro())


def add_destroyed_listener(listener: DestroyedListener) -> None:
    """Call `listener(task, site)` for every task destroyed while pending (any hooked loop)."""
    global _listeners
    _listeners = (*_listeners, listener)


def remove_destroyed_listener(listener: DestroyedListener) -> None:
    """Stop calling `listener`. Compared by equality, not identity: each `obj.method` access
    makes a new bound method (equal, never identical), so `is` would remove nothing and every
    tracker would stay registered, holding its loop, until the process ends."""
    global _listeners
    _listeners = tuple(x for x in _listeners if x != listener)


class _ExceptionHook:
    """Stands in for `loop.call_exception_handler` to see destroyed pending tasks first."""

    __slots__ = ("original",)

    def __init__(self, original: Callable[[dict[str, Any]], object]) -> None:
        self.original = original

    def __call__(self, context: dict[str, Any]) -> None:
        task = context.get("task")
        if context.get("message") == DESTROYED_PENDING_MESSAGE and isinstance(task, asyncio.Task):
            site = creation_site(task)
            for listener in _listeners:
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


class _ChainedHandler:
    """For loops whose method cannot be shadowed: an exception handler that sees the context
    first, then hands it to the handler that was set before (or the loop's default)."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.previous = loop.get_exception_handler()
        self._hook = _ExceptionHook(functools.partial(self._pass_on, loop))

    def _pass_on(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        if self.previous is None:
            loop.default_exception_handler(context)
        else:
            self.previous(loop, context)

    def __call__(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        self._hook(context)


def _chain_exception_handler(loop: asyncio.AbstractEventLoop) -> None:
    if not isinstance(loop.get_exception_handler(), _ChainedHandler):
        loop.set_exception_handler(_ChainedHandler(loop))
