"""`map(asyncio.create_task, coros)` makes a task per coroutine: dropped with the list that holds
them in fire_and_forget(), kept and gathered in crawl() and crawl_all()."""

import asyncio


async def fetch(url: str) -> str:
    await asyncio.sleep(0)
    return url


async def crawl(urls: list[str]) -> list[str]:
    tasks = list(map(asyncio.create_task, (fetch(u) for u in urls)))
    return await asyncio.gather(*tasks)


async def crawl_all(urls: list[str]) -> list[str]:
    return await asyncio.gather(*map(asyncio.ensure_future, [fetch(u) for u in urls]))


def fire_and_forget(urls: list[str]) -> None:
    list(map(asyncio.create_task, [fetch(u) for u in urls]))


def shout(words: list[str]) -> list[str]:
    return list(map(str.upper, words))
