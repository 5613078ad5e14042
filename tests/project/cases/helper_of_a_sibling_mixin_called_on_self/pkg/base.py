from collections.abc import Coroutine
from typing import Any


class ClientBase:
    def spawn_background(self, coro: Coroutine[Any, Any, None]) -> Any:
        raise NotImplementedError

    async def on_message(self, text: str) -> None:
        raise NotImplementedError
