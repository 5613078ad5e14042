"""Replica state sync: a peer asks for a sync whenever it sees a newer version."""
import asyncio
import json
import logging
import weakref
from typing import Dict, Optional, Tuple

log = logging.getLogger(__name__)

Peer = Tuple[str, int]


async def _pull(peer: Peer) -> Dict[str, str]:
    reader, writer = await asyncio.open_connection(*peer)
    try:
        writer.write(b'{"op": "dump"}\n')
        await writer.drain()
        return json.loads(await asyncio.wait_for(reader.readline(), timeout=10.0))
    finally:
        writer.close()


class Replica:
    """Pulls from one peer at a time; a new request while a pull runs is ignored."""

    def __init__(self, peer: Peer) -> None:
        self.peer = peer
        self.state: Dict[str, str] = {}
        self._sync_task: Optional[asyncio.Task] = None
        self._watchers: "weakref.WeakSet[asyncio.Task]" = weakref.WeakSet()

    def on_version(self, version: int) -> None:
        """Called per gossip message."""
        if self._sync_task is not None:
            return
        self._sync_task = asyncio.create_task(self._sync())
        self._sync_task.add_done_callback(self._sync_finished)

    def _sync_finished(self, task: asyncio.Task) -> None:
        self._sync_task = None

    async def _sync(self) -> None:
        try:
            self.state.update(await _pull(self.peer))
        except (OSError, asyncio.TimeoutError):
            log.warning("sync from %s failed", self.peer)

    def watch(self, key: str) -> None:
        self._watchers.add(asyncio.create_task(self._watch_key(key)))

    async def _watch_key(self, key: str) -> None:
        last = self.state.get(key)
        while True:
            await asyncio.sleep(1.0)
            if self.state.get(key) != last:
                last = self.state.get(key)
                log.info("%s changed to %s", key, last)


class AnnouncingReplica:
    """Pulls from a peer and tells the cluster; a new request while a sync runs is ignored."""

    def __init__(self, peer: Peer, cluster: Dict[Peer, asyncio.StreamWriter]) -> None:
        self.peer = peer
        self.cluster = cluster
        self.state: Dict[str, str] = {}
        self._sync_task: Optional[asyncio.Task] = None
        self._announce_task: Optional[asyncio.Task] = None

    def on_version(self, version: int) -> None:
        """Called per gossip message."""
        if self._sync_task is not None:
            return
        self._sync_task = asyncio.create_task(self._sync())
        self._announce_task = asyncio.create_task(self._announce(version))
        self._announce_task.add_done_callback(self._round_finished)

    def _round_finished(self, task: asyncio.Task) -> None:
        self._sync_task = None
        self._announce_task = None

    async def _sync(self) -> None:
        try:
            self.state.update(await _pull(self.peer))
        except (OSError, asyncio.TimeoutError):
            log.warning("sync from %s failed", self.peer)

    async def _announce(self, version: int) -> None:
        for writer in list(self.cluster.values()):
            writer.write(json.dumps({"op": "synced", "v": version}).encode() + b"\n")
