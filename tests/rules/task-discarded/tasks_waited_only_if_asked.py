"""A local collection of tasks whose only end sits in an `if` after the spawns: when the test
fails (`wait` is false), the function returns without them and drops the collection with the
tasks running (melobot's `HookBus.emit`). A read that keeps and ends nothing (`len(tasks)`, a
done-callback, the `for` over them) may sit anywhere. The same for a local task whose test reads
it in one operand of an `and` only (`if wait and not t.done()`): the other can fail, and for a
set filled task by task (`pending.add(...)` in a loop: an add keeps and ends nothing either,
wherever it is; hivemind's `traverse_dht`). Near misses:
a test that only says whether there are tasks at all (`if tasks:`: none to end otherwise), an end
after the `if` or in its `else`, a task added to the collection only under the test that ends it
(hikari's `dispatch(return_tasks=...)`, which keeps the others elsewhere), another task added in
place under a test (`if i == 50: tasks.append(ensure_future(db.close()))`), and a `map` bound as
it is (its tasks are made as it is consumed, in the `if`)."""

import asyncio


async def emit(hooks, wait: bool = False, callback=None) -> None:
    tasks = tuple(asyncio.create_task(hook()) for hook in hooks)
    if callback is not None:
        for t in tasks:
            t.add_done_callback(callback)
    if wait and len(tasks):
        await asyncio.wait(tasks)


async def emit_all(hooks) -> None:
    tasks = [asyncio.create_task(hook()) for hook in hooks]
    if tasks:
        await asyncio.wait(tasks)


async def emit_then_wait(hooks, wait: bool = False) -> None:
    tasks = [asyncio.create_task(hook()) for hook in hooks]
    if wait:
        print("waiting")
    await asyncio.gather(*tasks)


async def one_hook(hook, wait: bool = False) -> None:
    task = asyncio.create_task(hook())
    if wait and not task.done():
        await task


async def validate(handlers, data) -> None:
    tasks = map(asyncio.create_task, (handler(data) for handler in handlers))
    if len(handlers):
        await asyncio.wait(tasks)


async def traverse(queries: list[str], found, await_all_tasks: bool = True) -> int:
    pending = set()
    for query in queries:
        pending.add(asyncio.create_task(found(query)))
    if await_all_tasks:
        await asyncio.gather(*pending)
    return len(queries)


async def traverse_or_cancel(queries: list[str], found, await_all_tasks: bool = True) -> None:
    pending = set()
    for query in queries:
        pending.add(asyncio.create_task(found(query)))
    if await_all_tasks:
        await asyncio.gather(*pending)
    else:
        for task in pending:
            task.cancel()


async def dispatch(callbacks, kept: set[asyncio.Task[None]], return_tasks: bool = False):
    tasks = []
    for callback in callbacks:
        task = asyncio.create_task(callback())
        if return_tasks:
            tasks.append(task)
        else:
            kept.add(task)
            task.add_done_callback(kept.discard)
    if return_tasks:
        return asyncio.gather(*tasks)
    return None


async def fetch_then_close(db, cursor) -> None:
    tasks = []
    for i in range(100):
        if i == 50:
            tasks.append(asyncio.ensure_future(db.close()))
        tasks.append(asyncio.ensure_future(cursor.fetchall()))
    for task in tasks:
        await task
