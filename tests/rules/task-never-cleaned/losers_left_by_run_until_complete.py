"""`loop.run_until_complete(main())` does not cancel what main() leaves running (unlike
`asyncio.run`), and a coroutine nobody runs with `asyncio.run` is not known to end with it: the
losers of the race stay running."""

import asyncio


async def serve() -> None:
    await asyncio.sleep(1)


async def watch() -> None:
    await asyncio.sleep(2)


async def main() -> None:
    server = asyncio.create_task(serve())
    watcher = asyncio.create_task(watch())
    await asyncio.wait([server, watcher], return_when=asyncio.FIRST_COMPLETED)


def cli(loop: asyncio.AbstractEventLoop) -> None:
    loop.run_until_complete(main())
