import asyncio

from pkg.exporter import Exporter


class AppBase:
    """Makes and keeps the exporter, and closes without stopping it (its own ping is
    awaited where it is spawned)."""

    def __init__(self) -> None:
        self.exporter = Exporter()

    async def close(self) -> None:
        await asyncio.create_task(asyncio.sleep(0))
