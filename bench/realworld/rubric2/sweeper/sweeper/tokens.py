"""A module-level token cache with a refresher the app stops on shutdown."""
import asyncio

_tokens: dict[str, str] = {}
_refresher: asyncio.Task | None = None


async def _refresh() -> None:
    while True:
        await asyncio.sleep(60)
        _tokens.clear()


def init_tokens() -> None:
    global _refresher
    if _refresher is None:
        _refresher = asyncio.create_task(_refresh())


async def shutdown_tokens() -> None:
    global _refresher
    if _refresher is not None:
        _refresher.cancel()
        await asyncio.gather(_refresher, return_exceptions=True)
        _refresher = None
