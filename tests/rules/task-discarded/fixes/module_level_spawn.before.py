import asyncio


async def warm_up() -> None:
    await asyncio.sleep(0)


loop = asyncio.new_event_loop()
loop.create_task(warm_up())
loop.run_forever()
