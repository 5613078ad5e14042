"""A mixin spawns its polling loop into `self._poll_task`; the class that mixes it in starts it
(calling the mixin's method on itself) and cancels it in its own stop(): ended (low), as when
the two classes sit in different modules. (Read with the mixin's members merged into it, the
class no longer derives from the mixin: the mixin's own spawn keeps the verdict of the module as
written, where the class's stop() is an end of its objects' task.) Near miss: a class that
mixes in the same kind of loop and starts it, with nothing that ends it (medium)."""

import asyncio


class PollMixin:
    _poll_task: "asyncio.Task[None] | None" = None

    def start_polling(self) -> None:
        self._poll_task = asyncio.create_task(self._poll())

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(1)


class Station(PollMixin):
    def start(self) -> None:
        self.start_polling()

    def stop(self) -> None:
        if self._poll_task is not None:
            self._poll_task.cancel()


class WatchMixin:
    _watch_task: "asyncio.Task[None] | None" = None

    def start_watching(self) -> None:
        self._watch_task = asyncio.create_task(self._watch())

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(1)


class Watcher(WatchMixin):
    def start(self) -> None:
        self.start_watching()
