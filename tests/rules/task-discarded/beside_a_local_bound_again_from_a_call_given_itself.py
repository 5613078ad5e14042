"""A redis client's pub/sub (cobras ships justredis, dev112) rebinds its parameter from a
constructor it hands that parameter to (`cmd = Command((cmd,) + args)`), where a caller passes
its own local on. Following what the caller's local becomes asks, inside that question, what
`cmd` becomes, which asks it again: until stop 114 the question recursed until Python's limit
and the whole file was refused (TL800 "too deeply nested for the analysis"), losing the task
the file drops beside it. A question asked again while it is answered answers nothing yet, so
the file is analysed and its dropped task is reported (TL101 high)."""

import asyncio


class Command:
    def __init__(self, data: object) -> None:
        self._data = data


class Subscriber:
    def __init__(self) -> None:
        self._sent: list[Command] = []

    async def unregister(self, *channels: str) -> None:
        to_remove = list(channels)
        await self._command(b"UNSUBSCRIBE", *to_remove)

    async def _command(self, cmd: object, *args: object) -> None:
        cmd = Command((cmd,) + args)
        self._sent.append(cmd)


async def beat() -> None:
    await asyncio.sleep(1)


def fire() -> None:
    asyncio.create_task(beat())
