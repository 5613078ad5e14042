"""A bot is a client with extra listeners. `BotBase` is a mixin: `self._schedule_event` is the
client's, brought in by `Bot(BotBase, chat.Client)`, and it returns a task that is dropped."""

from collections.abc import Awaitable, Callable

import chat


class BotBase:
    def __init__(self) -> None:
        self.extra_events: dict[str, list[Callable[..., Awaitable[None]]]] = {}

    def dispatch(self, event: str, *args: object) -> None:
        super().dispatch(event, *args)  # type: ignore[misc]
        for listener in self.extra_events.get("on_" + event, []):
            self._schedule_event(listener, *args)  # type: ignore[attr-defined]


class Bot(BotBase, chat.Client):
    pass
