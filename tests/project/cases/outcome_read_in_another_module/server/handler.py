"""Issue 23, kind 2: a request handler leaves a slow snapshot running on the response object;
the protocol module, which sends responses, adds a done-callback that reads its outcome."""

from __future__ import annotations

import asyncio


class Response:
    def __init__(self) -> None:
        self.body = b""
        self.task: asyncio.Future[bytes] | None = None


async def take_snapshot() -> bytes:
    await asyncio.sleep(1)
    return b"jpeg"


def snapshot(response: Response) -> Response:
    response.task = asyncio.ensure_future(take_snapshot())
    return response
