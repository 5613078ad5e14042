from dev.meter import Relay


class Supervisor:
    def __init__(self) -> None:
        self.relay = Relay()

    async def close(self) -> None:
        await self.relay._updater_cancel()
