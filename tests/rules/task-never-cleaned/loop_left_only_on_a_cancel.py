"""A heartbeat whose `while True` loop is left only in an `except` that catches a cancellation
(`except asyncio.CancelledError: break`) never ends by itself: only a cancel ends it, as if it
had no way out at all. Its task, let go by a done-callback once it ends, is then never let go,
and nothing cancels it (TL201 medium). The same with a `return` in that `except`. Near miss: a
reader whose loop is left when its own work fails (`except ConnectionError: break`) ends by
itself when the peer goes away, and its done-callback lets it go (TL001)."""

import asyncio


class Link:
    def __init__(self) -> None:
        self._beat: "asyncio.Task[None] | None" = None
        self._ping: "asyncio.Task[None] | None" = None
        self._reader: "asyncio.Task[None] | None" = None

    async def _heartbeat(self) -> None:
        while True:
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                break

    async def _pinger(self) -> None:
        while True:
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                return

    async def _read(self) -> None:
        while True:
            try:
                await asyncio.sleep(1)
            except ConnectionError:
                break

    def _beat_done(self, task: "asyncio.Task[None]") -> None:
        self._beat = None

    def _ping_done(self, task: "asyncio.Task[None]") -> None:
        self._ping = None

    def _reader_done(self, task: "asyncio.Task[None]") -> None:
        self._reader = None

    def start(self) -> None:
        self._beat = asyncio.create_task(self._heartbeat())
        self._beat.add_done_callback(self._beat_done)
        self._ping = asyncio.create_task(self._pinger())
        self._ping.add_done_callback(self._ping_done)
        self._reader = asyncio.create_task(self._read())
        self._reader.add_done_callback(self._reader_done)
