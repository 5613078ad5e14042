import asyncio


class SSM:
    def __init__(self) -> None:
        self._timer: asyncio.Future[None] | None = None

    def stop_timer(self) -> None:
        if self._timer:
            self._timer.cancel()
            self._timer = None
