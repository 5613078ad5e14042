"""A stream multiplexer over one tunnel connection."""
import asyncio
import logging

log = logging.getLogger(__name__)


class Mux:
    def __init__(self) -> None:
        self._streams: dict[int, asyncio.Task] = {}
        self._queues: dict[int, asyncio.Queue[bytes]] = {}

    def open_stream(self, stream_id: int) -> None:
        """Called for every SYN frame the peer sends, retransmissions included."""
        self._queues[stream_id] = asyncio.Queue()
        self._streams[stream_id] = asyncio.create_task(self._pump(stream_id))
        audit = asyncio.create_task(self._log_open(stream_id))

    async def _pump(self, stream_id: int) -> None:
        queue = self._queues[stream_id]
        while True:
            frame = await queue.get()
            log.debug("stream %d: %r", stream_id, frame)

    async def _log_open(self, stream_id: int) -> None:
        log.info("stream %d opened", stream_id)

    async def close(self) -> None:
        for task in self._streams.values():
            task.cancel()
        await asyncio.gather(*self._streams.values(), return_exceptions=True)


class IdempotentMux(Mux):
    def open_stream(self, stream_id: int) -> None:
        """Called for every SYN frame the peer sends, retransmissions included."""
        if stream_id in self._streams:
            return
        self._queues[stream_id] = asyncio.Queue()
        self._streams[stream_id] = asyncio.create_task(self._pump(stream_id))
