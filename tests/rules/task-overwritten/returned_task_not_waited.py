"""A method keeps the task it starts and returns it, and a loop calls it again without waiting
for the last one: the overwrite leaves it running (the near miss, a caller that awaits what it
gets back, is task-tracked's `returned_task_waited_by_caller`)."""

import asyncio


async def receive() -> bytes:
    await asyncio.sleep(0)
    return b""


class Reader:
    def __init__(self) -> None:
        self._recv_task: asyncio.Task[bytes] | None = None
        self.closed = False

    def _start_read(self) -> asyncio.Task[bytes]:
        self._recv_task = asyncio.create_task(receive())
        return self._recv_task

    async def prefetch(self) -> None:
        while not self.closed:
            read = self._start_read()
            await asyncio.sleep(1)
            print(read.get_name())

    async def aclose(self) -> None:
        if self._recv_task is not None:
            self._recv_task.cancel()
