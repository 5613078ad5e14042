"""An HTTP/3 protocol: each new stream gets its own receiver, and the receiver's run task is kept
on it (`receiver.future`); the receiver cancels it when the stream closes. Another call stores on
another receiver: nothing is overwritten."""

import asyncio


class Receiver:
    def __init__(self, stream_id: int) -> None:
        self.stream_id = stream_id
        self.future: asyncio.Future[None] | None = None

    async def run(self) -> None:
        await asyncio.sleep(0)

    def close(self) -> None:
        if self.future is not None:
            self.future.cancel()


class Http3Protocol:
    def __init__(self) -> None:
        self.receivers: dict[int, Receiver] = {}

    def http_event_received(self, stream_id: int, headers: bool) -> None:
        receiver, created = self._receiver_for(stream_id)
        if headers and created:
            receiver.future = asyncio.ensure_future(receiver.run())

    def _receiver_for(self, stream_id: int) -> tuple[Receiver, bool]:
        if stream_id in self.receivers:
            return self.receivers[stream_id], False
        receiver = self.receivers[stream_id] = Receiver(stream_id)
        return receiver, True
