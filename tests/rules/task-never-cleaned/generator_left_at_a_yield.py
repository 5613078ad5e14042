"""Tasks of a generator, ended only after one of its `yield`s: a consumer that stops early
(`break` out of `async for`, an error, `aclose()`) stops the generator at that `yield`, and the
code after it never runs, so they are left running: for good when the coroutine runs until
cancelled (`heartbeat()`'s beat, TL201), only late when it finishes by itself (RUBRIC convention
4: low, its words saying which way out skips the end). The near misses end them in a `finally` or
an `except GeneratorExit`, or catch the stop around the `yield` and go on to the end (a cancel
of the task driving the generator lands in its await), or join each one before yielding; and an
`__await__`, which the `await` of it drives to its end."""

import asyncio
import contextlib
from collections.abc import AsyncIterator, Coroutine, Generator
from typing import Any


async def fetch(url: str) -> str:
    await asyncio.sleep(0.01)
    return url


async def crawl(urls: list[str]) -> AsyncIterator[str]:
    tasks = []
    for url in urls:
        tasks.append(asyncio.create_task(fetch(url)))
    for url in urls:
        yield url
    await asyncio.gather(*tasks)


async def as_they_finish(urls: list[str]) -> AsyncIterator[str]:
    pending = {asyncio.create_task(fetch(u)) for u in urls}
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for d in done:
            yield d.result()


async def first_then_rest(urls: list[str]) -> AsyncIterator[str]:
    rest = asyncio.create_task(fetch(urls[-1]))
    yield urls[0]
    yield await rest


async def beating() -> None:
    while True:
        await asyncio.sleep(1)


@contextlib.asynccontextmanager
async def heartbeat() -> AsyncIterator[None]:
    beat = asyncio.create_task(beating())
    yield
    beat.cancel()


async def crawl_closed(urls: list[str]) -> AsyncIterator[str]:
    tasks = [asyncio.create_task(fetch(u)) for u in urls]
    try:
        for url in urls:
            yield url
        await asyncio.gather(*tasks)
    finally:
        for t in tasks:
            t.cancel()


async def crawl_stopped(urls: list[str]) -> AsyncIterator[str]:
    tasks = [asyncio.create_task(fetch(u)) for u in urls]
    try:
        for url in urls:
            yield url
    except GeneratorExit:
        for t in tasks:
            t.cancel()
        raise
    await asyncio.gather(*tasks)


async def until_aborted(urls: list[str]) -> AsyncIterator[str]:
    searches = [asyncio.create_task(fetch(u)) for u in urls]
    aborted = False
    while not aborted and any(not s.done() for s in searches):
        try:
            yield await asyncio.wait_for(fetch("hit"), 0.1)
        except asyncio.CancelledError:
            aborted = True
    for search in searches:
        search.cancel()


async def one_by_one(urls: list[str]) -> AsyncIterator[str]:
    for u in urls:
        task = asyncio.create_task(fetch(u))
        yield await task


async def joined_first(urls: list[str]) -> AsyncIterator[str]:
    tasks = [asyncio.create_task(fetch(u)) for u in urls]
    for page in await asyncio.gather(*tasks):
        yield page


class Serving:
    def __init__(self, serve: Coroutine[Any, Any, None]) -> None:
        self.serve = serve

    def __await__(self) -> Generator[None, None, None]:
        # driven to its end by the `await` of it: only a cancel stops it early
        task = asyncio.get_running_loop().create_task(self.serve)
        while not task.done():
            yield
        task.result()


async def main() -> None:
    async for url in crawl(["a", "b"]):
        break
    async for page in as_they_finish(["a", "b"]):
        print(page)
    async for page in first_then_rest(["a", "b"]):
        print(page)
    async with heartbeat():
        pass
    for gen in (crawl_closed, crawl_stopped, until_aborted, one_by_one, joined_first):
        async for page in gen(["a"]):
            print(page)
    await Serving(fetch("served"))


if __name__ == "__main__":
    asyncio.run(main())
