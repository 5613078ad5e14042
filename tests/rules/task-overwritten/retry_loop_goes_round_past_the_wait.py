"""A relay client (signalwire-sdk, dev75; issue 69's retry loop): `connect()` stores the receive
loop in `self._recv_task` and then authenticates; `run_forever()` calls it in a loop and waits
for the loop's end (`await self._recv_task`) in the same `try`, whose handler logs and goes
round. When the authentication fails, the wait is skipped, and the next turn's `connect()` stores
a new loop over the one still reading (medium). The same when the call returns and a step after
it fails before the wait (`await self._flush()`), and when a plain function raises after its
store (`_open()`).

The near misses (low): the wait in the `finally`, reached on the failure too; a handler that
leaves the loop (`raise`); a `connect()` whose store is its last step, with nothing between the
call and the wait."""

import asyncio


class Relay:
    def __init__(self) -> None:
        self._recv_task: asyncio.Future[None] | None = None
        self._closing = False

    async def connect(self) -> None:
        self._recv_task = asyncio.ensure_future(self._recv_loop())
        await self._authenticate()

    async def _authenticate(self) -> None:
        await asyncio.sleep(0)

    async def _recv_loop(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def run_forever(self) -> None:
        while not self._closing:
            try:
                await self.connect()
                await self._recv_task
            except Exception:
                await asyncio.sleep(1)


class Flusher:
    def __init__(self) -> None:
        self._reader: asyncio.Task[None] | None = None

    def _init(self) -> None:
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _flush(self) -> None:
        await asyncio.sleep(0)

    async def run(self) -> None:
        while True:
            try:
                self._init()
                await self._flush()
                await self._reader
            except OSError:
                await asyncio.sleep(1)


class Opener:
    def __init__(self) -> None:
        self._reader: asyncio.Task[None] | None = None
        self._refused = False

    def _open(self) -> None:
        self._reader = asyncio.create_task(self._read())
        if self._refused:
            raise OSError("refused")

    async def _read(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def run(self) -> None:
        while True:
            try:
                self._open()
                await self._reader
            except OSError:
                await asyncio.sleep(1)


class WaitsInFinally:
    def __init__(self) -> None:
        self._recv_task: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        self._recv_task = asyncio.create_task(self._recv_loop())
        await asyncio.sleep(0)

    async def _recv_loop(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def run_forever(self) -> None:
        while True:
            try:
                await self.connect()
            except Exception:
                await asyncio.sleep(1)
            finally:
                if self._recv_task is not None:
                    self._recv_task.cancel()


class GivesUp:
    def __init__(self) -> None:
        self._recv_task: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        self._recv_task = asyncio.create_task(self._recv_loop())
        await asyncio.sleep(0)

    async def _recv_loop(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def run_forever(self) -> None:
        while True:
            try:
                await self.connect()
                await self._recv_task
            except Exception:
                raise


class StoresLast:
    def __init__(self) -> None:
        self._recv_task: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        await asyncio.sleep(0)
        self._recv_task = asyncio.create_task(self._recv_loop())

    async def _recv_loop(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def run_forever(self) -> None:
        while True:
            try:
                await self.connect()
                await self._recv_task
            except Exception:
                await asyncio.sleep(1)
