"""Base classes whose methods spawn on what their subclasses (in impl.py) store, and run what
their subclasses define (issue 68: the rows do not depend on where a definition lives)."""


class Notifier:
    def notify(self) -> None:
        # every subclass that stores `loop` stores an event loop: a spawn, dropped
        self.loop.create_task(self.flush())

    def notify_pooled(self) -> None:
        # a subclass stores a Pool, whose create_task is its own: no spawn
        self.pool.create_task(self.flush())


class Starter:
    def __init__(self, bot) -> None:  # type: ignore[no-untyped-def]
        self.bot = bot

    def start(self) -> None:
        # a receiver nobody typed, given a call of an `async def` a subclass defines: a spawn
        self.bot.engine.create_task(self.tick())

    def start_plain(self) -> None:
        # ... of a plain `def` a subclass defines: no spawn
        self.bot.engine.create_task(self.plain())
