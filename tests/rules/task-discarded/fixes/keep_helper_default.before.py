import asyncio


async def warm_up() -> None:
    await asyncio.sleep(0)


def handler(started=asyncio.ensure_future(warm_up())) -> None:
    pass


class Plugin:
    loader = asyncio.ensure_future(warm_up())

    def __init__(self, ready=asyncio.ensure_future(warm_up())) -> None:
        self.ready = ready
