"""The near miss of task-tracked/ended_through_a_typed_attribute_of_another_object.py: the
runner cancels the decoder's writer, never its reader loop."""

import asyncio


class CommsDecoder:
    _reader_task: asyncio.Task[None] | None = None
    _writer_task: asyncio.Task[None] | None = None

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
            if (writer_task := self.comms_decoder._writer_task) is not None:
                writer_task.cancel()
