"""A public method returns the tasks it keeps (`close()` gives its pending tasks back for the
caller to await, `current()` the running refresh): the callers in this module drop them, but
other modules may call it too and end them there, so no claim is made about their end. A
private method's callers are this module's: `_pending()` returns its task only to `poll()`,
which drops it (medium)."""

import asyncio


class Facade:
    def __init__(self) -> None:
        self._pending_tasks: set[asyncio.Task[None]] | None = None
        self._refresher: asyncio.Task[None] | None = None
        self._poller: asyncio.Task[None] | None = None

    async def _push(self) -> None:
        await asyncio.sleep(1)

    def close(self) -> set[asyncio.Task[None]]:
        if self._pending_tasks is not None:
            return self._pending_tasks
        self._pending_tasks = set()
        self._pending_tasks.add(asyncio.create_task(self._push()))
        return self._pending_tasks

    def connection_lost(self) -> None:
        self.close()

    def start(self) -> None:
        self._refresher = asyncio.create_task(self._push())
        self._poller = asyncio.create_task(self._push())

    def current(self) -> asyncio.Task[None] | None:
        return self._refresher

    def refresh(self) -> None:
        self.current()

    def _pending(self) -> asyncio.Task[None] | None:
        return self._poller

    def poll(self) -> None:
        self._pending()
