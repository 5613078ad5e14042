import asyncio

from .retry import RetryingConnectMixin


class StatsClient(RetryingConnectMixin):
    def __init__(self, host: str, port: int = 8125) -> None:
        self._host = host
        self._port = port
        self._writer: asyncio.StreamWriter | None = None

    async def connect(self) -> None:
        _, self._writer = await asyncio.open_connection(self._host, self._port)

    async def _send_packet(self, packet: bytes) -> None:
        self._writer.write(packet)
        await self._writer.drain()

    def incr(self, metric: str, value: int = 1) -> None:
        if self._writer is None:
            self._ensure_connecting()
            return
        asyncio.ensure_future(self._send_packet(f"{metric}:{value}|c\n".encode()))

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
