import asyncio


async def dial(host: str, port: int) -> asyncio.StreamWriter:
    _, writer = await asyncio.open_connection(host, port)
    return writer


async def send_all(writer: asyncio.StreamWriter, batches: list[bytes]) -> None:
    while batches:
        writer.write(batches[0])
        await writer.drain()
        batches.pop(0)
