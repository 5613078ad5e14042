import asyncio
import json

from .commands import CommandRouter


class ClientSession:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer
        self._router = CommandRouter(writer)

    async def run(self) -> None:
        try:
            async for line in self._reader:
                self._router.dispatch(json.loads(line))
        finally:
            await self._router.close()
            self._writer.close()
