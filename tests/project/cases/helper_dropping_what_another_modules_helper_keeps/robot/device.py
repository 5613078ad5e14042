"""A device subscribes to its bus once per connection."""

from robot.bus import EventBus


class Device:
    def __init__(self, events: EventBus) -> None:
        self.events = events

    def on_connect(self) -> None:
        self.events.subscribe(self.on_state)
        self.events.broadcast(self.on_state)

    async def on_state(self, event: object) -> None:
        print(event)
