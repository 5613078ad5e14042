"""A done-callback that prunes the collection through a parameter whose default is that
collection (`_tasks=self._tasks`): the default is evaluated where the callback is defined, and
the loop calls a done-callback with the task alone, so the parameter holds the collection
itself (aiocoap's OSCORE transport). A lambda's default prunes the same way. Near miss:
`collection-never-pruned/done_callback_default_names_another_collection`."""

import asyncio

PENDING: set[asyncio.Task[None]] = set()


class Transport:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def request(self, request: bytes) -> None:
        t = asyncio.get_running_loop().create_task(self._request(request))
        self._tasks.add(t)

        def done(t: asyncio.Task[None], _tasks: set[asyncio.Task[None]] = self._tasks) -> None:
            _tasks.remove(t)
            if not t.cancelled() and t.exception() is not None:
                print("request failed", request)

        t.add_done_callback(done)

    async def _request(self, request: bytes) -> None:
        await asyncio.sleep(len(request))


async def send(payload: bytes) -> None:
    await asyncio.sleep(len(payload))


def post(payload: bytes) -> None:
    task = asyncio.create_task(send(payload))
    PENDING.add(task)
    task.add_done_callback(lambda done, pending=PENDING: pending.discard(done))
