"""The same protocol keeping one current receiver: every headers event stores a new run task on
that same object, and the one it held (still running) is never cancelled first."""

import asyncio


class Receiver:
    def __init__(self) -> None:
        self.future: asyncio.Future[None] | None = None

    async def run(self) -> None:
        await asyncio.sleep(0)

    def close(self) -> None:
        if self.future is not None:
            self.future.cancel()


class Http3Protocol:
    def __init__(self, quic) -> None:
        self.current = Receiver()
        quic.add_event_handler(self.http_event_received)

    def http_event_received(self, headers: bool) -> None:
        if headers:
            self.current.future = asyncio.ensure_future(self.current.run())
