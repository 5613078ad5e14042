"""A device client races a TCP and a UDP connect, each task a key of a dict that maps it to its
connection, and cancels the losers in a `finally` by iterating the dict: the tasks are kept in
the dict (a key is kept as a value is), and ended. The same with a dict comprehension. Near
miss: a dict display dropped as a statement drops its key tasks too."""

import asyncio


async def connect(kind: str) -> str:
    await asyncio.sleep(1)
    return kind


async def connect_first() -> str:
    tasks = {
        asyncio.create_task(connect("tcp")): "tcp",
        asyncio.create_task(connect("udp")): "udp",
    }
    try:
        done, _ = await asyncio.wait(set(tasks), return_when=asyncio.FIRST_COMPLETED)
        return tasks[done.pop()]
    finally:
        for task in tasks:
            task.cancel()


async def connect_any(kinds: list[str]) -> str:
    tasks = {asyncio.create_task(connect(kind)): kind for kind in kinds}
    try:
        done, _ = await asyncio.wait(set(tasks), return_when=asyncio.FIRST_COMPLETED)
        return tasks[done.pop()]
    finally:
        for task in tasks:
            task.cancel()


def by_mistake() -> None:
    {asyncio.create_task(connect("tcp")): "tcp"}
