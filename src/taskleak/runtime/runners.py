"""Hear of each event loop a test runner makes, and of each one it is about to close.

pytest-asyncio (1.x), anyio's pytest plugin and `unittest.IsolatedAsyncioTestCase` (3.11+) all
run tests on an `asyncio.Runner`; `Runner.close()` cancels every task still pending, then closes
the loop. The pytest plugin must look at the loop's tasks just before that cancellation: after
the test's fixtures are torn down, before the tasks they left are cancelled silently.

`RunnerHooks` wraps `Runner._lazy_init` (the loop is made: record creation sites on it from
the start) and `Runner.close` (about to cancel: check first) for as long as it is patched. The
same is done for the Runner backports pytest-asyncio and anyio use on Python 3.10, and for
`IsolatedAsyncioTestCase`'s own loop on 3.10. The wrappers call the original methods unchanged;
a listener's error is logged, never raised into the runner.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

LoopListener = Callable[[asyncio.AbstractEventLoop], None]

logger = logging.getLogger("taskleak.runtime")

# (module, class) of the Runner classes test runners use, where they exist
_RUNNER_CLASSES: tuple[tuple[str, str], ...] = (
    ("asyncio.runners", "Runner"),  # 3.11+
    ("backports.asyncio.runner", "Runner"),  # pytest-asyncio on 3.10
    ("anyio._backends._asyncio", "Runner"),  # anyio's own on 3.10 (asyncio's on 3.11+)
)


class RunnerHooks:
    """Patch the Runner classes to call `made(loop)` and `closing(loop)`; undo with `unpatch`.

    Only loops made in the thread that patched are reported (the thread running the tests);
    a loop some library runs in a thread of its own is not a test's loop.
    """

    def __init__(self, made: LoopListener, closing: LoopListener) -> None:
        self.made = made
        self.closing = closing
        self._thread = threading.get_ident()
        self._undo: list[tuple[type, str, Any]] = []

    def patch(self) -> None:
        seen: set[type] = set()
        for module_name, class_name in _RUNNER_CLASSES:
            if module_name.startswith("anyio") and sys.version_info >= (3, 11):
                continue  # anyio uses asyncio.Runner there: no need to import anyio
            try:
                cls = getattr(importlib.import_module(module_name), class_name)
            except (ImportError, AttributeError):
                continue
            if cls in seen:
                continue
            seen.add(cls)
            self._wrap(cls, "_lazy_init", self._after_lazy_init)
            self._wrap(cls, "close", self._before_close)
        if sys.version_info < (3, 11):  # pragma: no cover - IsolatedAsyncioTestCase's own loop
            import unittest

            case = unittest.IsolatedAsyncioTestCase
            self._wrap(case, "_setupAsyncioLoop", self._after_case_setup)
            self._wrap(case, "_tearDownAsyncioLoop", self._before_case_teardown)

    def unpatch(self) -> None:
        for cls, name, original in reversed(self._undo):
            setattr(cls, name, original)
        self._undo.clear()

    def _wrap(self, cls: type, name: str, make: Callable[[Any], Callable[..., Any]]) -> None:
        original = cls.__dict__.get(name)
        if original is None:
            return
        wrapper = make(original)
        wrapper.__name__ = name
        wrapper.__qualname__ = f"{cls.__qualname__}.{name}"
        wrapper.__doc__ = getattr(original, "__doc__", None)
        setattr(cls, name, wrapper)
        self._undo.append((cls, name, original))

    def _tell(self, listener: LoopListener, loop: object) -> None:
        if not isinstance(loop, asyncio.AbstractEventLoop) or loop.is_closed():
            return
        if threading.get_ident() != self._thread:
            return
        try:
            listener(loop)
        except Exception:  # never break the runner that runs the tests
            logger.exception("taskleak: a runner hook failed")

    def _after_lazy_init(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def _lazy_init(runner: Any) -> None:
            original(runner)
            self._tell(self.made, getattr(runner, "_loop", None))

        return _lazy_init

    def _before_close(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def close(runner: Any) -> None:
            self._tell(self.closing, getattr(runner, "_loop", None))
            original(runner)

        return close

    def _after_case_setup(
        self, original: Callable[..., Any]
    ) -> Callable[..., Any]:  # pragma: no cover - 3.10
        def setup(case: Any) -> None:
            original(case)
            self._tell(self.made, getattr(case, "_asyncioTestLoop", None))

        return setup

    def _before_case_teardown(
        self, original: Callable[..., Any]
    ) -> Callable[..., Any]:  # pragma: no cover - 3.10
        def teardown(case: Any) -> None:
            self._tell(self.closing, getattr(case, "_asyncioTestLoop", None))
            original(case)

        return teardown
