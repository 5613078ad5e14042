"""The same watcher, with the waiter cancelled after the loop as well."""

import asyncio


class DeviceWatcher:
    def __init__(self, device) -> None:
        self._device = device
        self._stop = asyncio.Event()
        self._running = True

    async def watch(self) -> None:
        waiter = asyncio.create_task(self._stop.wait())
        while self._running:
            update = asyncio.create_task(self._device.poll())
            done, _ = await asyncio.wait({waiter, update}, return_when=asyncio.FIRST_COMPLETED)
            if waiter in done:
                update.cancel()
                return
            if update.exception() is not None:
                waiter.cancel()
                return
            self._device.apply(update.result())
        waiter.cancel()
