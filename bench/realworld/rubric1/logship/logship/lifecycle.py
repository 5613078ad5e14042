from __future__ import annotations

from . import shipper


async def on_startup() -> None:
    shipper.start_flusher()


async def on_shutdown() -> None:
    await shipper.stop_flusher()
