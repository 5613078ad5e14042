"""A trigger runner owns a comms decoder (its declared type): the decoder starts its reader
loop, and the runner's `finally` cancels it through the decoder it holds."""

import asyncio


class CommsDecoder:
    _reader_task: asyncio.Task[None] | None = None

    async def start_reader(self) -> None:
        self._reader_task = asyncio.create_task(self._reader_loop())

    async def _reader_loop(self) -> None:
        while True:
            await asyncio.sleep(1)


class TriggerRunner:
    comms_decoder: CommsDecoder

    async def arun(self) -> None:
        await self.comms_decoder.start_reader()
        try:
            await asyncio.sleep(10)
        finally:
            if (reader_task := self.comms_decoder._reader_task) is not None:
                reader_task.cancel()
