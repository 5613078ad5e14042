"""Quorum reads and writes against a set of replica nodes speaking a line protocol."""
import asyncio
import json
from typing import List, Optional, Sequence, Tuple

Node = Tuple[str, int]


async def _request(node: Node, message: dict) -> dict:
    reader, writer = await asyncio.open_connection(*node)
    try:
        writer.write(json.dumps(message).encode() + b"\n")
        await writer.drain()
        return json.loads(await reader.readline())
    finally:
        writer.close()


class QuorumClient:
    def __init__(self, nodes: Sequence[Node], timeout: float = 2.0) -> None:
        self.nodes = list(nodes)
        self.timeout = timeout

    @property
    def quorum(self) -> int:
        return len(self.nodes) // 2 + 1

    async def read(self, key: str) -> Optional[dict]:
        probes = [asyncio.create_task(_request(n, {"op": "get", "key": key})) for n in self.nodes]
        done, _pending = await asyncio.wait(probes, timeout=self.timeout)
        replies = [t.result() for t in done if t.exception() is None]
        if len(replies) < self.quorum:
            raise TimeoutError(f"only {len(replies)} replicas answered")
        return max(replies, key=lambda r: r.get("version", 0))

    async def write(self, key: str, value: str, version: int) -> None:
        acks = [asyncio.create_task(_request(n, {"op": "put", "key": key, "value": value, "v": version})) for n in self.nodes]
        try:
            done, _ = await asyncio.wait(acks, timeout=self.timeout)
        finally:
            for ack in acks:
                ack.cancel()
        if sum(1 for t in done if t.exception() is None) < self.quorum:
            raise TimeoutError("write did not reach a quorum")

    async def locate(self, key: str) -> Node:
        lookups = [asyncio.create_task(_request(n, {"op": "owner", "key": key})) for n in self.nodes]
        for next_done in asyncio.as_completed(lookups):
            try:
                reply = await next_done
            except OSError:
                continue
            if reply.get("owner"):
                return tuple(reply["owner"])
        raise LookupError(key)

    async def health(self) -> List[bool]:
        checks = [asyncio.create_task(_request(n, {"op": "ping"})) for n in self.nodes]
        results: List[bool] = []
        try:
            for next_done in asyncio.as_completed(checks, timeout=self.timeout):
                try:
                    results.append((await next_done).get("ok", False))
                except OSError:
                    results.append(False)
        except asyncio.TimeoutError:
            pass
        finally:
            for check in checks:
                check.cancel()
        return results
