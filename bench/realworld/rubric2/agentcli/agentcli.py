"""Command-line agent: connects, monitors, and takes commands from a thread."""
import asyncio
import logging
import threading

log = logging.getLogger(__name__)


async def monitor() -> None:
    while True:
        await asyncio.sleep(10)
        log.info("alive")


async def flush_logs() -> None:
    await asyncio.sleep(1)


async def apply_command(cmd: str) -> str:
    await asyncio.sleep(0)
    return cmd.upper()


def command_thread(loop: asyncio.AbstractEventLoop, commands: list[str]) -> None:
    for cmd in commands:
        asyncio.run_coroutine_threadsafe(apply_command(cmd), loop)


def query_thread(loop: asyncio.AbstractEventLoop, cmd: str) -> str:
    fut = asyncio.run_coroutine_threadsafe(apply_command(cmd), loop)
    try:
        return fut.result(timeout=5)
    finally:
        fut.cancel()


async def main() -> None:
    loop = asyncio.get_running_loop()
    asyncio.create_task(monitor())
    log_task = asyncio.create_task(flush_logs())
    worker = threading.Thread(target=command_thread, args=(loop, ["status", "sync"]))
    worker.start()
    await loop.run_in_executor(None, worker.join)


if __name__ == "__main__":
    asyncio.run(main())
