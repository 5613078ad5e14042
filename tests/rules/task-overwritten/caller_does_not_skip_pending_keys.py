"""The near miss of task-tracked/caller_skips_pending_keys: the caller tests something else,
so a name that comes again (in the next batch `follow()` waits for) while its task runs
overwrites the entry without cancelling it. (One batch alone stores each name once.)"""

import asyncio


class Loader:
    def __init__(self) -> None:
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._disabled: set[str] = set()

    def _start(self, name: str) -> None:
        self._pending[name] = asyncio.create_task(self._load(name))

    def load_all(self, names: list[str]) -> None:
        for name in names:
            if name in self._disabled:
                continue
            self._start(name)

    async def follow(self, batches: "asyncio.Queue[list[str]]") -> None:
        while True:  # each batch it waits for: the same names come again
            self.load_all(await batches.get())

    async def _load(self, name: str) -> None:
        try:
            await asyncio.sleep(1)
        finally:
            del self._pending[name]

    async def close(self) -> None:
        for task in self._pending.values():
            task.cancel()
