"""An XMPP stream: connect() first calls cancel_connection_attempt(), which cancels the attempt
in progress, then starts a new one. The old task is ended before it is replaced."""

import asyncio


class XMLStream:
    def __init__(self) -> None:
        self._current_connection_attempt: asyncio.Future[None] | None = None

    def cancel_connection_attempt(self) -> None:
        if self._current_connection_attempt is not None:
            self._current_connection_attempt.cancel()
        self._current_connection_attempt = None

    def connect(self) -> asyncio.Future[None]:
        self.cancel_connection_attempt()
        self._current_connection_attempt = asyncio.ensure_future(self._connect_loop())
        return self._current_connection_attempt

    async def _connect_loop(self) -> None:
        await asyncio.sleep(1)
