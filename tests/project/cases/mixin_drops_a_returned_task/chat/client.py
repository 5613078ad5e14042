import asyncio
from collections.abc import Awaitable, Callable

__all__ = ["Client"]


class Client:
    def __init__(self) -> None:
        self.loop = asyncio.get_event_loop()
        self._tasks: set[asyncio.Task[None]] = set()

    def _schedule_event(self, handler: Callable[..., Awaitable[None]], *args: object
                        ) -> asyncio.Task[None]:
        return self.loop.create_task(self._run_event(handler, *args))

    async def _run_event(self, handler: Callable[..., Awaitable[None]], *args: object) -> None:
        await handler(*args)

    def dispatch(self, event: str, *args: object) -> None:
        handler = getattr(self, "on_" + event, None)
        if handler is not None:
            task = self._schedule_event(handler, *args)
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
