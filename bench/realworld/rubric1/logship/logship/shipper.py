from __future__ import annotations

import asyncio
import contextlib
import logging
import weakref

log = logging.getLogger(__name__)

_buffer: list[str] = []
_flusher: asyncio.Task[None] | None = None
_uploads: list[asyncio.Task[None]] = []
_last_upload: weakref.ref[asyncio.Task[None]] | None = None


def ship(line: str) -> None:
    _buffer.append(line)


async def _upload(batch: list[str]) -> None:
    await asyncio.sleep(0.05)
    log.debug("uploaded %d lines", len(batch))


async def _flush_forever(every: float) -> None:
    global _last_upload
    while True:
        await asyncio.sleep(every)
        if not _buffer:
            continue
        batch = _buffer[:]
        _buffer.clear()
        if len(batch) > 1000:
            _uploads.append(asyncio.create_task(_upload(batch)))
        else:
            _last_upload = weakref.ref(asyncio.create_task(_upload(batch)))


def start_flusher(every: float = 2.0) -> None:
    global _flusher
    if _flusher is None:
        _flusher = asyncio.create_task(_flush_forever(every))


async def stop_flusher() -> None:
    global _flusher
    if _flusher is not None:
        _flusher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await _flusher
        _flusher = None
