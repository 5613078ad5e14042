import asyncio
from dataclasses import dataclass


class MirrorError(Exception):
    pass


@dataclass
class Mirror:
    host: str
    port: int = 80

    async def get(self, path: str) -> bytes:
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(self.host, self.port), timeout=5.0)
        except (OSError, asyncio.TimeoutError) as exc:
            raise MirrorError(self.host) from exc
        try:
            writer.write(f"GET {path} HTTP/1.0\r\nHost: {self.host}\r\n\r\n".encode())
            head, _, body = (await reader.read()).partition(b"\r\n\r\n")
        finally:
            writer.close()
        if not head.startswith(b"HTTP/1.0 200") and not head.startswith(b"HTTP/1.1 200"):
            raise MirrorError(f"{self.host}: {head[:40]!r}")
        return body
