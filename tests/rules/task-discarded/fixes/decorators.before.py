import asyncio
import functools


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


class Bot:
    def __init__(self) -> None:
        self.name = "bot"

    @logged
    async def on_ready(self) -> None:
        asyncio.create_task(self.greet())

    async def greet(self) -> None:
        await asyncio.sleep(0)

    @staticmethod
    def beat() -> None:
        asyncio.create_task(asyncio.sleep(1))
