import asyncio as aio
import typing as t


async def ping(host: str) -> None:
    await aio.sleep(0)


async def ping_all(hosts: t.List[str]) -> None:
    for host in hosts:
        aio.create_task(ping(host))
