"""The owners. `NamingProxy` makes a redo service (of a subclass) and closes without closing it:
its loop runs for good (TL201). `Client` closes its heartbeat through a method its close calls
(low). `Client` never closes its greeter, whose task finishes by itself (low). `Monitor` has no
close-like method at all: no way out is known to skip the watcher's end (low)."""

from pkg.naming import NamingRedoService
from pkg.services import Greeter, Heartbeat, Watcher


class NamingProxy:
    def __init__(self) -> None:
        self.redo_service = NamingRedoService()

    async def close_client(self) -> None:
        print("closing")


class Client:
    def __init__(self) -> None:
        self.heartbeat = Heartbeat()
        self.greeter = Greeter()

    async def close(self) -> None:
        await self._shutdown()

    async def _shutdown(self) -> None:
        await self.heartbeat.stop()


class Monitor:
    def __init__(self) -> None:
        self.watcher = Watcher()
