import asyncio

import anyio


async def work(n: int = 0, *, flag: bool = False) -> None:
    await asyncio.sleep(0)


async def fan_out(items: list[int]) -> None:
    async with asyncio.TaskGroup() as tg:
        for item in items:
            asyncio.create_task(work(item), name=f"work-{item}")
        pending = asyncio.ensure_future(work())


async def with_anyio(items: list[int]) -> None:
    async with anyio.create_task_group() as group:
        asyncio.create_task(work(*items))
        asyncio.get_running_loop().create_task(work(1, flag=True))

        def later() -> None:
            asyncio.create_task(work(3))

        group.start_soon(anyio.to_thread.run_sync, later)
