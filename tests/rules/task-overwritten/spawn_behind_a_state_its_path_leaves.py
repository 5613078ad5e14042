"""A device client runs its handshake as a chain of states: `start()` sets CONNECTING, the
connection callback moves CONNECTING to SYNCING, and the message handler (run for every
message) moves SYNCING to READY, then starts the poller, kept in `self._poller` and cancelled by
`close()`. The handler reaches the spawn only in state SYNCING, and leaves it first: it runs
again only if the chain runs again, which starts once per `start()` (low). The near misses,
each TL103: `Relay` also sets SYNCING in a reconnect callback (run per event, behind no test
of the state), so a reconnect starts a second poller over the first; `Echo`'s handler tests
the state but never leaves it, so every message in that state starts another."""

import asyncio
import enum
from collections.abc import Callable


class State(enum.Enum):
    CLOSED = 0
    CONNECTING = 1
    SYNCING = 2
    READY = 3


class Link:
    def subscribe(self, handler: Callable[[str], None]) -> None: ...

    def on_connected(self, handler: Callable[[], None]) -> None: ...

    def on_reconnected(self, handler: Callable[[], None]) -> None: ...


async def poll() -> None:
    while True:
        await asyncio.sleep(1)


class Device:
    def __init__(self, link: Link) -> None:
        self._link = link
        self._state = State.CLOSED
        self._poller: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._state = State.CONNECTING
        self._link.on_connected(self._connected)
        self._link.subscribe(self._on_message)

    def _connected(self) -> None:
        if self._state == State.CONNECTING:
            self._state = State.SYNCING

    def _on_message(self, message: str) -> None:
        if message == "synced" and self._state == State.SYNCING:
            self._state = State.READY
            self._poller = asyncio.create_task(poll())

    async def close(self) -> None:
        self._state = State.CLOSED
        if self._poller is not None:
            self._poller.cancel()


class Relay:
    def __init__(self, link: Link) -> None:
        self._link = link
        self._state = State.CLOSED
        self._poller: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._state = State.SYNCING
        self._link.on_reconnected(self._reconnected)
        self._link.subscribe(self._on_message)

    def _reconnected(self) -> None:
        self._state = State.SYNCING

    def _on_message(self, message: str) -> None:
        if self._state == State.SYNCING:
            self._state = State.READY
            self._poller = asyncio.create_task(poll())

    async def close(self) -> None:
        if self._poller is not None:
            self._poller.cancel()


class Echo:
    def __init__(self, link: Link) -> None:
        self._link = link
        self._state = State.CLOSED
        self._poller: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._state = State.SYNCING
        self._link.subscribe(self._on_message)

    def _on_message(self, message: str) -> None:
        if self._state == State.SYNCING:
            self._poller = asyncio.create_task(poll())

    async def close(self) -> None:
        if self._poller is not None:
            self._poller.cancel()
