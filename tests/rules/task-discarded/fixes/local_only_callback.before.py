import asyncio


async def work() -> None:
    await asyncio.sleep(0)


async def start(on_done) -> None:
    job = asyncio.create_task(work())
    job.add_done_callback(on_done)
    job.set_name("work")
