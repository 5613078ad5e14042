"""A future the task's done-callback (a function of the spawning one, or a lambda) completes,
awaited after the spawn, waits for the task's end (aiomisc's recurring runner). The near miss
awaits a future no callback of the task completes, or one a timer completes too: the task is
dropped with the local."""

import asyncio


async def runner() -> None:
    await asyncio.sleep(1)


async def start() -> None:
    loop = asyncio.get_running_loop()
    while True:
        future = loop.create_future()
        task = asyncio.ensure_future(runner())

        def on_done(task: asyncio.Task) -> None:
            if future.done():
                return
            future.set_result(task)

        task.add_done_callback(on_done)
        try:
            await future
        except asyncio.CancelledError:
            if not task.done():
                task.cancel()
            raise


async def start_unjoined() -> None:
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    task = asyncio.ensure_future(runner())
    task.add_done_callback(lambda t: print(t))
    await future


async def start_or_time_out() -> None:
    # the callback also runs on a timer: the future may be done with the task still running
    loop = asyncio.get_running_loop()
    waiter = loop.create_future()

    def release(*_: object) -> None:
        if not waiter.done():
            waiter.set_result(None)

    loop.call_later(10, release)
    task = asyncio.ensure_future(runner())
    task.add_done_callback(release)
    await waiter


async def start_through_a_lambda() -> None:
    loop = asyncio.get_running_loop()
    finished = loop.create_future()
    task = asyncio.ensure_future(runner())
    task.add_done_callback(lambda t: finished.set_exception(t.exception() or RuntimeError()))
    await finished
