"""A multiplexer's connection loop starts a sender and a heartbeat into attributes, races them
(FIRST_COMPLETED) and cancels the losers, then goes round; its retry handler catches only
`OSError`. `await asyncio.wait([...])` of a display of tasks raises nothing but a
cancellation (their errors stay in them), and `await asyncio.sleep(...)` neither: no error
there reaches `except OSError` (nor a handler after one that catches the cancellation and
leaves), so the loop never comes round with the old tasks running.
Near misses, each a re-spawn over a live task (TL103): a step that may fail between the spawn
and the race (`await self._flush()`), a handler that also catches the cancellation and goes
round, and a race of a list bound before (it may be empty: `ValueError`)."""

import asyncio


class Mux:
    def __init__(self) -> None:
        self._send_task: asyncio.Task[None] | None = None
        self._beat_task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()

    async def run(self) -> None:
        while not self._stop.is_set():
            try:
                await self._connect()
                self._send_task = asyncio.create_task(self._send_loop())
                self._beat_task = asyncio.create_task(self._beat())
                done, pending = await asyncio.wait(
                    [self._send_task, self._beat_task], return_when=asyncio.FIRST_COMPLETED)
                for t in pending:
                    t.cancel()
                await asyncio.sleep(0.1)
            except OSError:
                await asyncio.sleep(1)

    async def _connect(self) -> None:
        await asyncio.sleep(0)

    async def _send_loop(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def close(self) -> None:
        self._stop.set()
        for t in (self._send_task, self._beat_task):
            if t is not None:
                t.cancel()


class BreakingMux(Mux):
    async def run(self) -> None:
        while not self._stop.is_set():
            try:
                self._send_task = asyncio.create_task(self._send_loop())
                done, pending = await asyncio.wait(
                    [self._send_task], return_when=asyncio.FIRST_COMPLETED)
                for t in pending:
                    t.cancel()
            except asyncio.CancelledError:  # caught here, and not by the next handler
                break
            except OSError:
                await asyncio.sleep(1)


class FlushingMux(Mux):
    async def run(self) -> None:
        while not self._stop.is_set():
            try:
                self._send_task = asyncio.create_task(self._send_loop())
                await self._flush()  # may fail with the sender running
                done, pending = await asyncio.wait(
                    [self._send_task], return_when=asyncio.FIRST_COMPLETED)
                for t in pending:
                    t.cancel()
            except OSError:
                await asyncio.sleep(1)

    async def _flush(self) -> None:
        await asyncio.sleep(0)


class StubbornMux(Mux):
    async def run(self) -> None:
        while not self._stop.is_set():
            try:
                self._beat_task = asyncio.create_task(self._beat())
                done, pending = await asyncio.wait(
                    [self._beat_task], return_when=asyncio.FIRST_COMPLETED)
                for t in pending:
                    t.cancel()
            except (OSError, asyncio.CancelledError):  # a cancel goes round again
                await asyncio.sleep(1)


class ListedMux(Mux):
    async def run(self) -> None:
        while not self._stop.is_set():
            try:
                self._send_task = asyncio.create_task(self._send_loop())
                racing = [self._send_task]
                done, pending = await asyncio.wait(racing, return_when=asyncio.FIRST_COMPLETED)
                for t in pending:
                    t.cancel()
            except (OSError, ValueError):
                await asyncio.sleep(1)
