import asyncio


class ReaderBase:
    _running: bool
    _reader: "asyncio.Task[None] | None"
    _pinger: "asyncio.Task[None] | None"

    async def start(self) -> None:
        raise NotImplementedError

    async def _read_loop(self) -> None:
        raise NotImplementedError

    async def _ping_loop(self) -> None:
        raise NotImplementedError

    async def close(self) -> None:
        raise NotImplementedError


class PingerBase:
    _pinging: bool
    _pinger: "asyncio.Task[None] | None"

    async def start(self) -> None:
        raise NotImplementedError

    async def _ping_loop(self) -> None:
        raise NotImplementedError

    async def close(self) -> None:
        raise NotImplementedError
