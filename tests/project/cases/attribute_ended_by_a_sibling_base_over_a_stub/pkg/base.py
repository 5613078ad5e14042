import asyncio


class ClientBase:
    _reconnect_task: "asyncio.Task[None] | None"

    def schedule_reconnect(self) -> None:
        raise NotImplementedError

    async def aclose(self) -> None:
        raise NotImplementedError
