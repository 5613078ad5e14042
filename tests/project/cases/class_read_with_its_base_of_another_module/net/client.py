"""The client spawns; what ends (or fails to end) its tasks lives in its base class, in another
module. Read with its base, the class is judged as the one class it is: the reader stops
through the flag close() clears (low); the pinger's `while True` nothing stops (TL201 medium);
the session handler, registered by the base's `__init__`, runs per event and overwrites the
entry of a user still speaking (TL103 medium)."""

import asyncio

from net.base import ClientBase


class Client(ClientBase):
    async def start(self) -> None:
        self._running = True
        self._reader = asyncio.create_task(self._read_loop())
        self._pinger = asyncio.create_task(self._ping_loop())

    async def on_speaking_start(self, user_id: int) -> None:
        self._sessions[user_id] = asyncio.create_task(self._transcribe(user_id))
