"""A sync client over an event loop in a thread: `connect()` waits its threadsafe spawn with
`future.result(timeout=5)` and, on the timeout, `_cleanup()` stops and closes that very loop:
what the timeout leaves running ends with the loop (low, said so). The near miss: `ping()` waits
the same way and nothing stops the loop after it: `_async_connect()` ends by itself, so it is
left to finish by itself (low, RUBRIC convention 4)."""

import asyncio
import concurrent.futures
import threading


class Client:
    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    def connect(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        future = asyncio.run_coroutine_threadsafe(self._async_connect(), self._loop)
        try:
            future.result(timeout=5)
        except concurrent.futures.TimeoutError:
            self._cleanup()
            raise

    def _cleanup(self) -> None:
        assert self._loop is not None
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._loop.close()

    def ping(self) -> None:
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(self._async_connect(), self._loop)
        future.result(timeout=5)

    async def _async_connect(self) -> None:
        await asyncio.sleep(1)
