import asyncio
import json
from typing import Tuple

Endpoint = Tuple[str, int]


async def _rpc(endpoint: Endpoint, message: dict) -> dict:
    reader, writer = await asyncio.open_connection(*endpoint)
    try:
        writer.write(json.dumps(message).encode() + b"\n")
        await writer.drain()
        return json.loads(await reader.readline())
    finally:
        writer.close()


async def renew_forever(endpoint: Endpoint, name: str, holder: str, ttl: float) -> None:
    """Keep the lease alive; only returns by raising (lost lease) or being cancelled."""
    while True:
        reply = await _rpc(endpoint, {"op": "renew", "lease": name, "holder": holder, "ttl": ttl})
        if not reply.get("ok"):
            raise RuntimeError(f"lease {name} lost")
        await asyncio.sleep(ttl / 3)


async def wait_for_change(endpoint: Endpoint, name: str, poll: float = 30.0) -> str:
    """Long-poll: the server answers when the holder changes or after `poll` seconds."""
    reply = await asyncio.wait_for(_rpc(endpoint, {"op": "watch", "lease": name, "timeout": poll}), timeout=poll + 5)
    return reply["holder"]
