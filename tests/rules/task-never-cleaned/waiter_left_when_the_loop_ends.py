"""A device watcher: each round polls the device, or stops when asked. The stop waiter is made
once, before the loop, and cancelled when a poll fails; but when the watcher is switched off
(`self._running = False`) the loop ends by itself and the waiter is left pending, one per
watch() call."""

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
