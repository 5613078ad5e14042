"""A method keeps the read it starts and returns it; its callers call it again only once the
last one is done: awaited (`read = self._start_read(); await read`), or found in the done set
of a wait (`if pending in done:`). The overwrite leaves nothing running (kinds 3 and 5 of the
witness issue; the near miss, a caller that waits for nothing, is task-overwritten's
`returned_task_not_waited`)."""

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

    async def drain(self) -> None:
        while not self.closed:
            read = self._start_read()
            await read

    async def frames(self, stop: asyncio.Event) -> None:
        pending = self._start_read()
        stopping = asyncio.ensure_future(stop.wait())
        while not self.closed:
            done, _ = await asyncio.wait({pending, stopping},
                                         return_when=asyncio.FIRST_COMPLETED)
            if stopping in done:
                break
            if pending in done:
                finished, pending = pending, self._start_read()
                finished.result()
        pending.cancel()
        stopping.cancel()

    async def aclose(self) -> None:
        if self._recv_task is not None:
            self._recv_task.cancel()
