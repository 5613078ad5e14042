import asyncio
import json

from .feed import Sink, stream_prices


class SubscriptionHandler:
    """Handles each message of each client; a client may subscribe many times."""

    def __init__(self) -> None:
        self._streams: dict[int, asyncio.Task] = {}

    def on_message(self, conn_id: int, sink: Sink, raw: str) -> None:
        msg = json.loads(raw)
        if msg["op"] == "subscribe":
            self._streams[conn_id] = asyncio.create_task(stream_prices(sink, msg["symbol"]))

    def on_disconnect(self, conn_id: int) -> None:
        task = self._streams.pop(conn_id, None)
        if task is not None:
            task.cancel()


class SwitchingHandler(SubscriptionHandler):
    """A new subscribe replaces the client's running stream."""

    def on_message(self, conn_id: int, sink: Sink, raw: str) -> None:
        msg = json.loads(raw)
        if msg["op"] == "subscribe":
            old = self._streams.pop(conn_id, None)
            if old is not None:
                old.cancel()
            self._streams[conn_id] = asyncio.create_task(stream_prices(sink, msg["symbol"]))
