"""An ASGI connection: the request handler races the receiver of client messages; whichever is
left pending is handed to the project's cancel_tasks() helper, which cancels and awaits it."""

import asyncio
from collections.abc import Iterable


async def cancel_tasks(tasks: Iterable[asyncio.Future[None]]) -> None:
    tasks = list(tasks)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


class ASGIHTTPConnection:
    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, receive, send) -> None:
        receiver_task = asyncio.ensure_future(self.handle_messages(receive))
        handler_task = asyncio.ensure_future(self.handle_request(send))
        done, pending = await asyncio.wait(
            [handler_task, receiver_task], return_when=asyncio.FIRST_COMPLETED
        )
        await cancel_tasks(pending)
        for task in done:
            task.result()

    async def handle_messages(self, receive) -> None:
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return

    async def handle_request(self, send) -> None:
        await send({"type": "http.response.start", "status": 200})
