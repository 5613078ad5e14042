"""The loop is a constructor parameter annotated `Optional[AbstractEventLoop]` (or
`Union[..., None]`) stored on `self`: an Optional of a loop is a loop once it is not None, so
`self._callback_loop.create_task(...)` is a spawn. The near miss: an Optional of another class
says nothing of a loop."""

import asyncio
from typing import Optional, Union


class Runner:
    def create_task(self, coro: object) -> None:
        pass


class Webhook:
    def __init__(self, callback_loop: Optional[asyncio.AbstractEventLoop] = None,
                 hook_loop: Union[asyncio.AbstractEventLoop, None] = None,
                 runner: Optional[Runner] = None) -> None:
        self._callback_loop = callback_loop
        self._hook_loop = hook_loop
        self._runner = runner

    async def on_notification(self, data: dict[str, str]) -> None:
        if self._callback_loop is not None:
            t = self._callback_loop.create_task(self._handle(data))
            t.add_done_callback(lambda _: None)

    def on_revocation(self, data: dict[str, str]) -> None:
        if self._hook_loop is not None:
            self._hook_loop.create_task(self._handle(data))

    def on_other(self, data: dict[str, str]) -> None:
        if self._runner is not None:
            self._runner.create_task(self._handle(data))  # not a loop: no spawn

    async def _handle(self, data: dict[str, str]) -> None:
        await asyncio.sleep(0)
