import asyncio
import functools
from typing import final


@functools.lru_cache(maxsize=None)
def settings() -> dict[str, str]:
    return {}


class Client:
    """A client whose methods are decorated."""

    retries: int = 3
    """How often to retry."""

    def __init__(self) -> None:
        self.name = "client"
        """The client's name."""

    @functools.wraps(print)
    def on_event(self, loop: asyncio.AbstractEventLoop) -> None:
        loop.call_soon(lambda: asyncio.create_task(self.refresh()))
        asyncio.create_task(self.refresh())

    async def refresh(self) -> None:
        await asyncio.sleep(0)

    @final
    async def close(self) -> None:
        """Close the client."""
