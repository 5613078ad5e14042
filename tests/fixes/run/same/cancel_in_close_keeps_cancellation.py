"""close() stops a worker that takes a while to wind down; meanwhile the caller gives up and
cancels the task running close(). The cancellation must reach that task: a fix that wraps
`await task` in `suppress(CancelledError)` swallows it, and close() returns as if nothing
happened."""

import asyncio

UNSAFE = True


class Pool:
    def __init__(self) -> None:
        self._worker: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._worker = asyncio.create_task(self._work())

    async def _work(self) -> None:
        try:
            await asyncio.Event().wait()  # never ends by itself
        finally:
            for _ in range(20):  # winding down takes a few turns
                await asyncio.sleep(0)

    async def close(self) -> None:
        print("closing")
        for _ in range(10):  # the graceful part: flush what is buffered
            await asyncio.sleep(0)
        print("closed")


async def main() -> None:
    pool = Pool()
    await pool.start()
    await asyncio.sleep(0)
    closing = asyncio.create_task(pool.close())
    for _ in range(5):
        await asyncio.sleep(0)
    closing.cancel()
    try:
        await closing
    except asyncio.CancelledError:
        pass
    print("close() ended cancelled:", closing.cancelled())


asyncio.run(main())
