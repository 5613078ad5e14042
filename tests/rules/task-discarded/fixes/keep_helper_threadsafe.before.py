import asyncio
import threading


async def publish(topic: str) -> None:
    await asyncio.sleep(0)


def start(loop: asyncio.AbstractEventLoop, topic: str) -> threading.Timer:
    return threading.Timer(
        1.0, lambda: asyncio.run_coroutine_threadsafe(publish(topic), loop)
    )
