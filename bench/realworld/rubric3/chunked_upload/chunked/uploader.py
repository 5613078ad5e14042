import asyncio
import logging

from .store import ObjectStore

log = logging.getLogger(__name__)


class ChunkedUploader:
    def __init__(self, store: ObjectStore, part_timeout: float = 30.0) -> None:
        self._store = store
        self._part_timeout = part_timeout

    async def upload(self, key: str, parts: list[bytes]) -> bool:
        for index, data in enumerate(parts):
            put = asyncio.create_task(self._store.put_part(key, index, data))
            done, _ = await asyncio.wait({put}, timeout=self._part_timeout)
            if not done:
                log.warning("part %d of %s timed out", index, key)
                return False
            asyncio.create_task(self._store.report(key, index))
        return True

    async def upload_strict(self, key: str, parts: list[bytes]) -> bool:
        for index, data in enumerate(parts):
            part_task = asyncio.create_task(self._store.put_part(key, index, data))
            try:
                done, _ = await asyncio.wait({part_task}, timeout=self._part_timeout)
            finally:
                if not part_task.done():
                    part_task.cancel()
            if part_task.cancelled() or part_task not in done:
                return False
            part_task.result()
        return True
