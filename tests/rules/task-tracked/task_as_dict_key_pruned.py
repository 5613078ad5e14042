"""A device server accepts connections and identifies each one in a task kept as the key of
`self._pending` (the value is the socket): the task's done-callback pops it, close() cancels
what is left. A dict holds its keys as firmly as a set."""

import asyncio
import socket


class OutgoingServer:
    def __init__(self) -> None:
        self._pending: dict[asyncio.Task[None], socket.socket] = {}

    async def accept_loop(self, sock: socket.socket) -> None:
        loop = asyncio.get_running_loop()
        while True:
            conn, _ = await loop.sock_accept(sock)
            task = loop.create_task(self._identify(conn))
            task.add_done_callback(self._identify_done)
            self._pending[task] = conn

    def _identify_done(self, task: asyncio.Task[None]) -> None:
        conn = self._pending.pop(task, None)
        if conn is not None:
            conn.close()

    async def _identify(self, conn: socket.socket) -> None:
        await asyncio.sleep(0)

    def close(self) -> None:
        for task, conn in self._pending.items():
            task.cancel()
            conn.close()
        self._pending.clear()
