import asyncio

from pkg.reloads import CertReloader, KeyReloader


class Server:
    """Keeps both reloaders and stops neither. It never starts the certificate reloader (it
    runs a loop of its own), so only the key reloader's loop outlives its close."""

    def __init__(self) -> None:
        self._certs = CertReloader()
        self._keys = KeyReloader()
        self._loop_task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._keys.start()
        self._loop_task = asyncio.create_task(self._reload_loop())

    async def _reload_loop(self) -> None:
        while True:
            await asyncio.sleep(60)

    async def close(self) -> None:
        if self._loop_task is not None:
            self._loop_task.cancel()
