"""Each racer's cancel is registered on an exit stack, which runs it on every way out of the
block, a timeout or a cancellation included."""

import asyncio
import contextlib


class Manager:
    async def wait_for_services(self, path: str) -> None:
        with contextlib.ExitStack() as stack:
            resolved = asyncio.create_task(self._wait_condition(path, "ServicesResolved"))
            stack.callback(resolved.cancel)
            disconnected = asyncio.create_task(self._wait_condition(path, "Disconnected"))
            stack.callback(disconnected.cancel)
            done, _ = await asyncio.wait({resolved, disconnected},
                                         return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()

    async def _wait_condition(self, path: str, name: str) -> None:
        await asyncio.sleep(0)
