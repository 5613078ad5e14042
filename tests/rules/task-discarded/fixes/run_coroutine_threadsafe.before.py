import asyncio
import threading


async def publish(topic: str) -> None:
    await asyncio.sleep(0)


def publish_from_thread(loop: asyncio.AbstractEventLoop, topic: str) -> None:
    asyncio.run_coroutine_threadsafe(publish(topic), loop)


threading.Thread(target=publish_from_thread, args=(asyncio.new_event_loop(), "x"))
