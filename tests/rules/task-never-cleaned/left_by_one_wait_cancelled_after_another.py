"""An engine keeps its receivers' loops in `self._receivers`. `drain()` gives them five seconds
to finish (`asyncio.wait` of those still running, with a timeout) and leaves the rest running;
`stop()` waits for them again, then cancels what that wait leaves. The receivers `drain()` leaves
running are still kept, and `stop()` ends them: no loss (low). The near miss: `Pump` drains the
same way, but its `stop()` only logs what is left: the receivers a timed-out wait leaves run on
with nothing to end them (medium)."""

import asyncio
import logging

logger = logging.getLogger(__name__)


async def receive(name: str) -> None:
    while True:
        await asyncio.sleep(1)


class Engine:
    def __init__(self) -> None:
        self._receivers: list[asyncio.Task[None]] = []

    def start(self, names: list[str]) -> None:
        for name in names:
            self._receivers.append(asyncio.create_task(receive(name)))

    async def drain(self) -> None:
        running = [t for t in self._receivers if not t.done()]
        if running:
            _, pending = await asyncio.wait(running, timeout=5)
            logger.debug("%d receivers still running", len(pending))

    async def stop(self) -> None:
        running = [t for t in self._receivers if not t.done()]
        if running:
            _, pending = await asyncio.wait(running, timeout=1)
            for task in pending:
                task.cancel()


class Pump:
    def __init__(self) -> None:
        self._receivers: list[asyncio.Task[None]] = []

    def start(self, names: list[str]) -> None:
        for name in names:
            self._receivers.append(asyncio.create_task(receive(name)))

    async def drain(self) -> None:
        running = [t for t in self._receivers if not t.done()]
        if running:
            _, pending = await asyncio.wait(running, timeout=5)
            logger.debug("%d receivers still running", len(pending))

    async def stop(self) -> None:
        logger.debug("%d receivers", len(self._receivers))
