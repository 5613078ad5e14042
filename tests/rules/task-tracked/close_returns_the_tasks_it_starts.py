"""A device facade: close() starts the sessions' close tasks, keeps them in an attribute so a
second close() returns the same ones, and returns them for the caller to wait on
(`await asyncio.gather(*atv.close())`)."""

import asyncio


class FacadeAppleTV:
    def __init__(self, session_manager) -> None:
        self._session_manager = session_manager
        self._pending_tasks: set[asyncio.Task[None]] | None = None

    def close(self) -> set[asyncio.Task[None]]:
        if self._pending_tasks is not None:
            return self._pending_tasks
        self._pending_tasks = set()
        self._pending_tasks.add(asyncio.create_task(self._session_manager.close()))
        return self._pending_tasks
