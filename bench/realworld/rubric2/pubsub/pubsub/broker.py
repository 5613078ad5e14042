import asyncio

from .subscription import DurableSubscription, Handler, Subscription


class Broker:
    def __init__(self) -> None:
        self._subs: dict[str, list[Subscription]] = {}

    def subscribe(self, topic: str, handler: Handler, durable: bool = False) -> Subscription:
        cls = DurableSubscription if durable else Subscription
        sub = cls(topic, handler)
        sub.start()
        self._subs.setdefault(topic, []).append(sub)
        return sub

    def publish(self, topic: str, msg: bytes) -> None:
        for sub in self._subs.get(topic, []):
            asyncio.create_task(sub.deliver(msg))

    async def close(self) -> None:
        for subs in self._subs.values():
            for sub in subs:
                sub.cancel()


class TrackedBroker(Broker):
    """Keeps its in-flight deliveries so that they can be waited for."""

    def __init__(self) -> None:
        super().__init__()
        self._inflight: set[asyncio.Task] = set()

    def publish(self, topic: str, msg: bytes) -> None:
        for sub in self._subs.get(topic, []):
            task = asyncio.create_task(sub.deliver(msg))
            self._inflight.add(task)
            task.add_done_callback(self._inflight.discard)

    async def close(self) -> None:
        await asyncio.gather(*self._inflight, return_exceptions=True)
        await super().close()
