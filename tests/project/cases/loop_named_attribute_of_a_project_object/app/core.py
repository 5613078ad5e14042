"""appdaemon's shape: the application object holds the loop it was given, untyped."""


class Core:
    def __init__(self, loop, engine) -> None:  # type: ignore[no-untyped-def]
        self.loop = loop
        self.engine = engine

    async def other(self) -> None:
        pass
