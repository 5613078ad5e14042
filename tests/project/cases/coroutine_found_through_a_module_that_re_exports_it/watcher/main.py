"""Each task is cancelled only when `menu()` returns: `watch()`, which runs until cancelled, is
left running when `menu()` raises (TL201); `once()` ends by itself (TL001), as when both are
defined here."""

import asyncio

from . import cli


async def menu() -> None:
    await asyncio.sleep(0)


async def main() -> None:
    task = asyncio.create_task(cli.watch())
    await menu()
    task.cancel()


async def later() -> None:
    task = asyncio.create_task(cli.once())
    await menu()
    task.cancel()
