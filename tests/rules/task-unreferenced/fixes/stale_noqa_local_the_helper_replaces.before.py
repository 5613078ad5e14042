import asyncio


async def work() -> None:
    await asyncio.sleep(0)


async def start(ready: asyncio.Event) -> None:
    main_task = asyncio.create_task(work())  # noqa: F841
    # a hard reference, so the task is not garbage collected (it is not: the frame goes on)
    await ready.wait()


async def other(ready: asyncio.Event) -> None:
    kept = asyncio.create_task(work())  # noqa: F841,E501 the name documents it
    await ready.wait()
