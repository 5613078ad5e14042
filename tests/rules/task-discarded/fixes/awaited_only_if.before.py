import asyncio


async def shutdown(kernel: str) -> None:
    await asyncio.sleep(0)


async def swap(old: str, pending: bool) -> None:
    fut = asyncio.ensure_future(shutdown(old))
    if not pending:
        await fut
    print("swapped")
