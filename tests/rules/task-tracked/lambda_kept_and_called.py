"""A lambda kept in a table and called by this code returns its task to that call, which keeps
it (the near miss of task-discarded/signal_handler_lambda, a lambda handed to the loop as a
callback, whose caller drops what it returns)."""

import asyncio


async def fetch(part: str) -> str:
    await asyncio.sleep(0)
    return part


async def build() -> list[str]:
    tasks = {"a": asyncio.create_task(fetch("a"))}
    _, pending = await asyncio.wait(tasks.values(), timeout=1)
    retry = {"a": lambda: asyncio.create_task(fetch("a"))}
    for key, task in list(tasks.items()):
        if task in pending:
            task.cancel()
            tasks[key] = retry[key]()
    return list(await asyncio.gather(*tasks.values()))
