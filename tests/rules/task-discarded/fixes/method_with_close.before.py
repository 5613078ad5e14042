import asyncio
import json


class Agent:
    """Sends replies on a websocket."""

    def __init__(self, send) -> None:
        """Keep the send function."""
        super().__init__()
        self._send = send
        self._closed = False
        self._register()

    def _register(self) -> None:
        pass

    async def speak(self, message: dict[str, str]) -> None:
        asyncio.create_task(self._send(json.dumps(message)))

    async def close(self) -> None:
        """Stop talking."""
        self._closed = True
