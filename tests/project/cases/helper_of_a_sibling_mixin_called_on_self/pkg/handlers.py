from .base import ClientBase


class HandlerMixin(ClientBase):
    async def on_message(self, text: str) -> None:
        self.spawn_background(self._log(text))

    async def _log(self, text: str) -> None:
        print(text)


class QuietHandlerMixin(ClientBase):
    async def on_message(self, text: str) -> None:
        await self.spawn_background(self._log(text))

    async def _log(self, text: str) -> None:
        print(text)
