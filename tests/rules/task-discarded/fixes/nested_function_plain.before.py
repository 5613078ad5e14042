import asyncio


def make_handler(queue: asyncio.Queue[str]):
    async def handle(item: str) -> None:
        await queue.put(item)

    def on_item(item: str) -> None:
        asyncio.create_task(handle(item))

    return on_item
