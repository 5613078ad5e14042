"""A sender whose stop() sets the event its loop tests, then waits for another event the loop
sets in its `finally`: when stop() returns the task has ended, a join as good as `await task`."""

import asyncio


class ChatActionSender:
    def __init__(self) -> None:
        self._close_event = asyncio.Event()
        self._closed_event = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def _worker(self) -> None:
        try:
            while not self._close_event.is_set():
                await asyncio.sleep(5)
        finally:
            self._closed_event.set()

    async def start(self) -> None:
        self._close_event.clear()
        self._closed_event.clear()
        self._task = asyncio.create_task(self._worker())

    async def stop(self) -> None:
        self._close_event.set()
        await self._closed_event.wait()
        self._task = None


async def main() -> None:
    sender = ChatActionSender()
    await sender.start()
    await asyncio.sleep(0)
    await sender.stop()


if __name__ == "__main__":
    asyncio.run(main())
