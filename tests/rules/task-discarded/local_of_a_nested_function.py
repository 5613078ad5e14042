"""A server session tells its document that the connection was lost from another thread: a
function nested in the method spawns the notification, keeps the task in a local with only a
logging done-callback, and returns. The local dies when the nested function returns (not the
method), and the words say so."""

import asyncio


def log_error(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        print("lost-connection notification failed")


class Session:
    async def notify(self) -> None:
        await asyncio.sleep(0)

    def notify_connection_lost(self, loop: asyncio.AbstractEventLoop) -> None:
        def schedule() -> None:
            task = loop.create_task(self.notify())
            task.add_done_callback(log_error)

        loop.call_soon_threadsafe(schedule)
