import asyncio
import signal


async def stop() -> None:
    await asyncio.sleep(0)


def install(loop: asyncio.AbstractEventLoop) -> None:
    # the task a callback returns is dropped by the loop
    loop.add_signal_handler(signal.SIGTERM, lambda: asyncio.create_task(stop()))
