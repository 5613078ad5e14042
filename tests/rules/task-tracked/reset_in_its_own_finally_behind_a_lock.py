"""RUBRIC convention 5 with the reset guarded the way careful code writes it: the coroutine's
`finally` takes a lock and lets go of the holder only if it still holds this very task (`if
self._runtime.publisher is task:`, `task = asyncio.current_task()`): on the other branch the
holder already holds another task, so either way this one is let go once it ends (TL001), for
an attribute of `self` and for one of an object `self` holds alike. Near misses: `Moody`
resets under a test of something else (`if self._closing:`), which may be false, so the slot may
keep a task nothing ends (TL201); `Split` resets in an `else` of the `is` test, the wrong branch
(TL201)."""

import asyncio


class Runtime:
    def __init__(self) -> None:
        self.publisher: asyncio.Task[None] | None = None


class Connection:
    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._runtime = Runtime()
        self._publisher: asyncio.Task[None] | None = None

    async def _publish(self) -> None:
        task = asyncio.current_task()
        try:
            await asyncio.sleep(0.1)
        finally:
            async with self._lock:
                if self._publisher is task:
                    self._publisher = None

    async def _publish_runtime(self) -> None:
        task = asyncio.current_task()
        try:
            await asyncio.sleep(0.1)
        finally:
            async with self._lock:
                if self._runtime.publisher is task:
                    self._runtime.publisher = None

    def defer(self) -> None:
        if self._publisher is None or self._publisher.done():
            self._publisher = asyncio.create_task(self._publish())

    def defer_runtime(self) -> None:
        if self._runtime.publisher is None or self._runtime.publisher.done():
            self._runtime.publisher = asyncio.create_task(self._publish_runtime())


class Moody:
    def __init__(self) -> None:
        self._closing = False
        self._publisher: asyncio.Task[None] | None = None

    async def _publish(self) -> None:
        try:
            await asyncio.sleep(0.1)
        finally:
            if self._closing:
                self._publisher = None

    def defer(self) -> None:
        if self._publisher is None or self._publisher.done():
            self._publisher = asyncio.create_task(self._publish())


class Split:
    def __init__(self) -> None:
        self._publisher: asyncio.Task[None] | None = None

    async def _publish(self) -> None:
        task = asyncio.current_task()
        try:
            await asyncio.sleep(0.1)
        finally:
            if self._publisher is task:
                print("still mine")
            else:
                self._publisher = None

    def defer(self) -> None:
        if self._publisher is None or self._publisher.done():
            self._publisher = asyncio.create_task(self._publish())
