"""A task stored on a new object that the method also keeps in an attribute of `self`
(`request = Request()`, `self._request = request`, then `request.app_task = spawn(...)`): the
class reaches the task as `self._request.app_task`, and `_cancel_tasks()` cancels it there
(TL001), exactly as when the spawn is written `self._request.app_task = spawn(...)`
(echocorn's HTTP/1 connection). The near miss: an object kept in another object's attribute
(`self._pool.last = request`) is not reached by that chain, and the task stored on it is never
ended (TL201)."""

import asyncio


class Request:
    def __init__(self) -> None:
        self.app_task: "asyncio.Task[None] | None" = None

    async def run_app(self) -> None:
        await asyncio.sleep(1)


class Pool:
    def __init__(self) -> None:
        self.last: Request | None = None


class Connection:
    def __init__(self) -> None:
        self._request: Request | None = None
        self._pool = Pool()

    async def start_request(self) -> None:
        request = Request()
        self._request = request
        request.app_task = asyncio.ensure_future(request.run_app())

    async def start_pooled(self) -> None:
        request = Request()
        self._pool.last = request
        request.app_task = asyncio.ensure_future(request.run_app())

    def _cancel_tasks(self) -> None:
        tasks = []
        if self._request is not None:
            tasks.append(self._request.app_task)
        for task in tasks:
            if task is not None and not task.done():
                task.cancel()

    def close(self) -> None:
        self._cancel_tasks()
