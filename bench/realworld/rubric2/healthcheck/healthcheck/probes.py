import asyncio


async def probe(host: str) -> str:
    reader, writer = await asyncio.open_connection(host, 80)
    writer.close()
    return host
