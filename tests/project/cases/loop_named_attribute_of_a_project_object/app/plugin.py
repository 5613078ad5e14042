"""`self.core.loop`, `core` set by a base class of another module, leads to `Core.loop`, which
nothing types: the receiver named like a loop is taken for one
(`analysis/obligations/named_receivers.py`, the name decision kept after the facts); the near
miss, a receiver not named so that runs another object's coroutine, makes no claim."""

from app.base import PluginBase


class Plugin(PluginBase):
    def on_message(self) -> None:
        self.core.loop.create_task(self.process())

    def near_miss(self) -> None:
        self.core.engine.create_task(self.core.other())

    async def process(self) -> None:
        pass
