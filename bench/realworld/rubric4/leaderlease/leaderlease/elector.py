import asyncio
from typing import Callable

from .lease import Endpoint, renew_forever, wait_for_change


class Elector:
    def __init__(self, endpoint: Endpoint, name: str, me: str, ttl: float = 15.0) -> None:
        self.endpoint = endpoint
        self.name = name
        self.me = me
        self.ttl = ttl

    async def hold(self) -> str:
        """Renew the lease until the next poll reports a holder; return that holder."""
        renewer = asyncio.create_task(renew_forever(self.endpoint, self.name, self.me, self.ttl))
        poll = asyncio.create_task(wait_for_change(self.endpoint, self.name))
        done, pending = await asyncio.wait({renewer, poll}, return_when=asyncio.FIRST_COMPLETED)
        for task in pending:
            task.cancel()
        if poll in done:
            return poll.result()
        renewer.result()
        return self.me

    async def follow(self, on_change: Callable[[str], None]) -> None:
        """Track the leader until this elector is told to stop."""
        stopped = asyncio.Event()
        self.stop_following = stopped.set
        while not stopped.is_set():
            watch = asyncio.create_task(wait_for_change(self.endpoint, self.name))
            stop = asyncio.create_task(stopped.wait())
            try:
                done, _ = await asyncio.wait({watch, stop}, return_when=asyncio.FIRST_COMPLETED)
            finally:
                watch.cancel()
                stop.cancel()
            if watch in done and watch.exception() is None:
                on_change(watch.result())
