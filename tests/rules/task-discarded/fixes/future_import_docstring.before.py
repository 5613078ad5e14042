"""A module with no imports but __future__."""

from __future__ import annotations


async def reply(loop) -> None:
    pass


async def handler(loop) -> None:
    loop.create_task(reply(loop))
