"""The app's event loop, typed here and used by background_tasks.py. (`Worker.loop` is no
loop: a name is no evidence.)"""

import asyncio

loop: asyncio.AbstractEventLoop | None = None


class Worker:
    loop: object = None


worker = Worker()
