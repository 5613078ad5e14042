"""Kind 5, a guard at the caller: the only caller of `_start` skips the names whose task is
still pending, so no entry is overwritten while its task runs; each task removes its entry in
`finally`, and `close()` cancels what is left."""

import asyncio


class Loader:
    def __init__(self) -> None:
        self._pending: dict[str, asyncio.Task[None]] = {}

    def _start(self, name: str) -> None:
        self._pending[name] = asyncio.create_task(self._load(name))

    def load_all(self, names: list[str]) -> None:
        for name in names:
            if name in self._pending:
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
