"""An HTTP request whose body writer is kept through a property (aiohttp's ClientRequest):
`self._writer = task` runs the setter, which stores it in `self.__writer`; `close()` waits for
`self.__writer` and `terminate()` cancels it."""

import asyncio


class Request:
    __writer: "asyncio.Task[None] | None" = None

    async def _write_body(self, chunks: list[bytes]) -> None:
        for chunk in chunks:
            await asyncio.sleep(0)

    @property
    def _writer(self) -> "asyncio.Task[None] | None":
        """Kept for backwards compatibility."""
        if self.__writer is None:
            return None
        return self.__writer

    @_writer.setter
    def _writer(self, writer: "asyncio.Task[None] | None") -> None:
        self.__writer = writer

    async def send(self, chunks: list[bytes]) -> None:
        task = asyncio.create_task(self._write_body(chunks))
        self._writer = task

    async def close(self) -> None:
        if self.__writer is not None:
            await self.__writer

    def terminate(self) -> None:
        if self.__writer is not None:
            self.__writer.cancel()
            self.__writer = None


async def main() -> None:
    request = Request()
    await request.send([b"a", b"b"])
    await request.close()


if __name__ == "__main__":
    asyncio.run(main())
