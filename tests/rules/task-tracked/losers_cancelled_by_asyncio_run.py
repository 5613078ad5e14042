"""The coroutine `asyncio.run()` runs returns right after a FIRST_COMPLETED race: the runner
cancels what it left running. Tracked, with how it ends."""

import asyncio


async def serve() -> None:
    await asyncio.sleep(1)


async def watch() -> None:
    await asyncio.sleep(2)


async def main() -> None:
    server = asyncio.create_task(serve())
    watcher = asyncio.create_task(watch())
    await asyncio.wait([server, watcher], return_when=asyncio.FIRST_COMPLETED)


def cli() -> None:
    asyncio.run(main())
