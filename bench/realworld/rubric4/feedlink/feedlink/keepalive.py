import asyncio
import logging

log = logging.getLogger(__name__)


async def keepalive(session, interval: float = 10.0) -> None:
    """Ping the feed server; ask the session to reconnect when a ping fails."""
    while True:
        await asyncio.sleep(interval)
        try:
            await asyncio.wait_for(session.ping(), timeout=interval)
        except (OSError, asyncio.TimeoutError):
            log.info("feed ping failed, reconnecting")
            await session.reconnect()
