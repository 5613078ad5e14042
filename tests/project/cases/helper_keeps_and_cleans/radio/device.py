"""A device answers each request in the background."""

from __future__ import annotations

from .util import CatchingTaskMixin


class Device(CatchingTaskMixin):
    def handle_request(self, request: bytes) -> None:
        self.create_catching_task(self.reply(request))

    async def reply(self, request: bytes) -> None:
        return None
