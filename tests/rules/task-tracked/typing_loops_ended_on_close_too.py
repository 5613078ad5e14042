"""The near misses of task-never-cleaned's `typing_loops_ended_one_key_at_a_time`: a close that
reads the dict whole ends the loops still there (`Bot.stop()` cancels every value, `Relay.stop()`
calls the per-key end for each key), and a typing task that ends by itself loses nothing when
the close skips it (`Notifier`). Each is low."""

import asyncio


async def _send(sid: str, text: str) -> None:
    await asyncio.sleep(0)


class Bot:
    def __init__(self) -> None:
        self._typing: dict[str, asyncio.Task[None]] = {}

    async def on_message(self, sid: str) -> None:
        if sid not in self._typing:
            self._typing[sid] = asyncio.create_task(self._type(sid))

    def on_reply(self, sid: str) -> None:
        task = self._typing.pop(sid, None)
        if task is not None:
            task.cancel()

    async def _type(self, sid: str) -> None:
        while True:
            await _send(sid, "...")
            await asyncio.sleep(5)

    async def stop(self) -> None:
        for task in self._typing.values():
            task.cancel()
        self._typing.clear()


class Relay:
    def __init__(self) -> None:
        self._typing: dict[str, asyncio.Task[None]] = {}

    async def on_message(self, sid: str) -> None:
        if sid not in self._typing:
            self._typing[sid] = asyncio.create_task(self._type(sid))

    def _stop_typing(self, sid: str) -> None:
        task = self._typing.pop(sid, None)
        if task is not None:
            task.cancel()

    async def _type(self, sid: str) -> None:
        while True:
            await _send(sid, "...")
            await asyncio.sleep(5)

    async def stop(self) -> None:
        for sid in list(self._typing):
            self._stop_typing(sid)


class Notifier:
    def __init__(self) -> None:
        self._pending: dict[str, asyncio.Task[None]] = {}

    async def on_message(self, sid: str) -> None:
        if sid not in self._pending:
            self._pending[sid] = asyncio.create_task(_send(sid, "typing"))

    def on_reply(self, sid: str) -> None:
        task = self._pending.pop(sid, None)
        if task is not None:
            task.cancel()

    async def stop(self) -> None:
        await asyncio.sleep(0)
