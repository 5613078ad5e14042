"""Each connection's serving task is the key of `self._conns` (the value: the connection), and
nothing ever removes, awaits or cancels the entries: finished tasks pile up."""

import asyncio


class Server:
    def __init__(self) -> None:
        self._conns: dict[asyncio.Task[None], object] = {}

    def on_connection(self, conn: object) -> None:
        task = asyncio.create_task(self._serve(conn))
        self._conns[task] = conn

    async def _serve(self, conn: object) -> None:
        await asyncio.sleep(0)
