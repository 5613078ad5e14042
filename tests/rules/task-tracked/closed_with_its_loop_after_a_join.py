"""A threadsafe spawn whose function then joins a thread and closes the loop the coroutine runs
on: a loop closes only once it has stopped, so the work ends with it (the near misses: a join
with no close, and a close before the spawn, leave the dropped future nothing that ends it)."""

import asyncio
import threading


class LoopThread:
    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()

    async def _drain(self) -> None:
        for task in asyncio.all_tasks():
            if task is not asyncio.current_task():
                task.cancel()
        self._loop.stop()

    def shutdown(self) -> None:
        if self._thread.is_alive():
            asyncio.run_coroutine_threadsafe(self._drain(), self._loop)
            self._thread.join(5)
        if not self._thread.is_alive():
            self._loop.close()

    def stop_only(self) -> None:
        asyncio.run_coroutine_threadsafe(self._drain(), self._loop)
        self._thread.join()

    def closed_first(self) -> None:
        self._loop.close()
        asyncio.run_coroutine_threadsafe(self._drain(), self._loop)
        self._thread.join(timeout=5)
