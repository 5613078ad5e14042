"""The same stream, but connect() does not call cancel_connection_attempt() first: a second
connect() replaces the attempt in progress and leaves it running, unreferenced."""

import asyncio


class XMLStream:
    def __init__(self, events) -> None:
        events.add_listener("connection_lost", self.connect)
        self._current_connection_attempt: asyncio.Future[None] | None = None

    def cancel_connection_attempt(self) -> None:
        if self._current_connection_attempt is not None:
            self._current_connection_attempt.cancel()
        self._current_connection_attempt = None

    def connect(self) -> asyncio.Future[None]:
        self._current_connection_attempt = asyncio.ensure_future(self._connect_loop())
        return self._current_connection_attempt

    async def _connect_loop(self) -> None:
        await asyncio.sleep(1)
