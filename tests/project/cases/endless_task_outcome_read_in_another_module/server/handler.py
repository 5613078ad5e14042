"""Near miss of outcome_read_in_another_module: the task on the response streams frames in a
`while True` loop, so it never ends by itself; a done-callback that reads its outcome runs at an
end that nothing brings about."""

from __future__ import annotations

import asyncio


class Response:
    def __init__(self) -> None:
        self.body = b""
        self.task: asyncio.Future[bytes] | None = None


async def take_snapshot() -> bytes:
    while True:
        await asyncio.sleep(1)


def snapshot(response: Response) -> Response:
    response.task = asyncio.ensure_future(take_snapshot())
    return response
