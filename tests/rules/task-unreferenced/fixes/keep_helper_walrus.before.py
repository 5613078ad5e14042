import asyncio


async def refresh() -> None:
    await asyncio.sleep(0)


async def on_tick(ready: bool) -> None:
    if ready and (task := asyncio.create_task(refresh())):
        print("refreshing")
    latest = asyncio.create_task(refresh()) if ready else None
