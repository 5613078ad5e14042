"""A pump that runs until stopped or until its time slot ends."""
import asyncio
import logging

log = logging.getLogger(__name__)


class SlotRunner:
    def __init__(self, slot_seconds: float) -> None:
        self.slot_seconds = slot_seconds
        self.queue: asyncio.Queue[str] = asyncio.Queue()

    async def _pump(self) -> None:
        while True:
            item = await self.queue.get()
            log.info("pumped %s", item)

    async def run_slot(self) -> None:
        pump = asyncio.create_task(self._pump())
        slot = asyncio.create_task(asyncio.sleep(self.slot_seconds))
        done, pending = await asyncio.wait({pump, slot}, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()

    async def run_slot_guarded(self) -> None:
        pump = asyncio.create_task(self._pump())
        slot = asyncio.create_task(asyncio.sleep(self.slot_seconds))
        try:
            await asyncio.wait({pump, slot}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            pump.cancel()
            slot.cancel()
