"""The server hands its loop to the app through a typed parameter: the task is kept by the
app's private helper, which the message names, and never ended. (This module spawns a task of
its own, so the first pass reads it: a method helper's package is not searched for callers.)"""

import asyncio

from web.app import App


def serve(app: App) -> None:
    app.add_task(run(), "server")


async def run() -> None:
    await asyncio.create_task(asyncio.sleep(0))
