import asyncio
import os  # noqa: F401


class Notifier:
    def __init__(self) -> None:
        self._pending: set[asyncio.Task[None]] = set()

    async def notify(self, user: str) -> None:
        # The task used to be dropped, hence the directive; it is awaited now.
        await asyncio.create_task(self._send(user))  # noqa: TL101

    async def notify_all(self, users: list[str]) -> None:
        for user in users:
            task = asyncio.create_task(self._send(user))  # noqa
            self._pending.add(task)
            task.add_done_callback(self._pending.discard)

    async def notify_slowly(self, user: str) -> None:
        await asyncio.create_task(self._send(user))  # noqa: TL101, E501 a long line once
        # noqa: TL102
        asyncio.create_task(self._send(user))
        await asyncio.sleep(0)  # noqa: TL109  # the pause is deliberate
        await asyncio.sleep(0)  # NOQA:tl101,tl102 both gone

    async def _send(self, user: str) -> None:
        await asyncio.sleep(0)
