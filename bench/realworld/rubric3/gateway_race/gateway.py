import asyncio
import logging

log = logging.getLogger(__name__)


class Gateway:
    def __init__(self, upstream, audit_log) -> None:
        self._upstream = upstream
        self._audit_log = audit_log
        self._stopped: asyncio.Future | None = None

    async def _accept_loop(self) -> None:
        while True:
            event = await self._upstream.next_event()
            task = asyncio.create_task(self._audit(event))
            await self._route(event)

    async def _audit(self, event: dict) -> None:
        await self._audit_log.write(event)

    async def _route(self, event: dict) -> None:
        await asyncio.sleep(0)

    async def serve_until_stopped(self) -> None:
        self._stopped = asyncio.get_running_loop().create_future()
        serving = asyncio.create_task(self._accept_loop())
        done, pending = await asyncio.wait({serving, self._stopped},
                                           return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()

    async def fetch_with_deadline(self, key: str, deadline: float) -> bytes | None:
        reply = asyncio.create_task(self._upstream.fetch(key))
        timer = asyncio.create_task(asyncio.sleep(deadline))
        done, pending = await asyncio.wait({reply, timer},
                                           return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        return reply.result() if reply in done else None

    def stop(self) -> None:
        if self._stopped is not None and not self._stopped.done():
            self._stopped.set_result(None)
