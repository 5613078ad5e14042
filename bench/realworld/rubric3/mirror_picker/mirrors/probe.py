import asyncio
import time
from dataclasses import dataclass


@dataclass
class ProbeResult:
    host: str
    healthy: bool
    latency: float


async def probe(host: str, port: int = 443, timeout: float = 3.0) -> ProbeResult:
    started = time.monotonic()
    try:
        _, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    except (OSError, asyncio.TimeoutError):
        return ProbeResult(host, False, timeout)
    writer.close()
    return ProbeResult(host, True, time.monotonic() - started)
