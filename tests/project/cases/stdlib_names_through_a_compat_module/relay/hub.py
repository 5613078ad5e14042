"""asyncio and weakref named through `compat.py`: the rows are those of the same module
importing them in place. The listeners are held only weakly (high); the race's loser is ended on
the normal way out only (low); the library's own `gather` is no spawn (no rows)."""

from .compat import WeakSet, asyncio, weakref
from .tools import gather


class Relay:
    def __init__(self) -> None:
        self._listeners: WeakSet[asyncio.Task[None]] = WeakSet()
        self._newest: weakref.ref[asyncio.Task[None]] | None = None

    def listen(self, name: str) -> None:
        task = asyncio.create_task(self._listen(name))
        self._listeners.add(task)

    def watch_newest(self, name: str) -> None:
        self._newest = weakref.ref(asyncio.create_task(self._listen(name)))

    async def first(self, name: str) -> None:
        one = asyncio.create_task(self._listen(name))
        two = asyncio.create_task(self._listen(name + "-2"))
        _, pending = await asyncio.wait({one, two}, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()

    def drop(self, name: str) -> None:
        gather(self._listen(name))

    async def _listen(self, name: str) -> None:
        await asyncio.sleep(1)
