"""A lifespan task (an ASGI server's shape) receives "shutdown" and then runs the app's clean-up.
A fix that cancels the spawned tasks at the top of shutdown() cancels it before the message
arrives, and the clean-up never runs."""

import asyncio

UNSAFE = False


class Lifespan:
    def __init__(self) -> None:
        self.inbox: asyncio.Queue[str] = asyncio.Queue()
        self.finished = asyncio.Event()

    async def startup(self) -> None:
        asyncio.create_task(self._main())

    async def _main(self) -> None:
        message = await self.inbox.get()
        print("lifespan got", message)
        print("app clean-up ran")
        self.finished.set()

    async def shutdown(self) -> None:
        await self.inbox.put("shutdown")
        await self.finished.wait()
        print("shutdown complete")


async def main() -> None:
    lifespan = Lifespan()
    await lifespan.startup()
    await asyncio.sleep(0)
    await lifespan.shutdown()


asyncio.run(main())
