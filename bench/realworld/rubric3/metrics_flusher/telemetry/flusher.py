import asyncio


class Flusher:
    def __init__(self, sink, period: float = 10.0) -> None:
        self._sink = sink
        self._period = period
        self._buffer: list[tuple[str, float]] = []
        self._started = False
        self._flush_task: asyncio.Task | None = None

    def ensure_started(self) -> None:
        if self._started:
            return
        self._started = True
        self._flush_task = asyncio.create_task(self._flush_loop())

    def add(self, name: str, value: float) -> None:
        self._buffer.append((name, value))

    async def _flush_loop(self) -> None:
        while True:
            await asyncio.sleep(self._period)
            batch, self._buffer = self._buffer, []
            await self._sink.write(batch)

    async def close(self) -> None:
        if self._flush_task is not None:
            self._flush_task.cancel()
            await asyncio.gather(self._flush_task, return_exceptions=True)


class EventCounter:
    """Same idea for event counts; the started flag was forgotten."""

    def __init__(self, sink) -> None:
        self._sink = sink
        self._counts: dict[str, int] = {}
        self._tick_task: asyncio.Task | None = None

    def ensure_ticking(self) -> None:
        self._tick_task = asyncio.create_task(self._tick())

    def count(self, name: str) -> None:
        self._counts[name] = self._counts.get(name, 0) + 1

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(60.0)
            counts, self._counts = self._counts, {}
            await self._sink.write(list(counts.items()))

    async def close(self) -> None:
        if self._tick_task is not None:
            self._tick_task.cancel()
