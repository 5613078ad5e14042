"""`asyncio.as_completed(coros)` wraps each coroutine in a task that only its iterator holds.
Iterated to the end by a `for` loop, each is awaited in turn. A loop that can stop early (a
`break`, a `return`, or a `yield` of its generator, where the consumer can stop it) leaves the
rest running, and nothing can reach them to cancel them."""

import asyncio
from collections.abc import AsyncIterator


async def fetch(url: str) -> str:
    await asyncio.sleep(0.01)
    return url


async def stream(urls: list[str]) -> AsyncIterator[str]:
    for page in asyncio.as_completed([fetch(u) for u in urls]):
        yield await page


async def first_match(urls: list[str]) -> str | None:
    for page in asyncio.as_completed([fetch(u) for u in urls]):
        found = await page
        if found.startswith("b"):
            return found
    return None


async def all_pages(urls: list[str]) -> list[str]:
    coros = [fetch(u) for u in urls]
    pages = []
    for page in asyncio.as_completed(coros):
        pages.append(await page)
    return pages


async def main() -> None:
    async for page in stream(["a", "b"]):
        print(page)
        break
    print(await first_match(["a", "b"]), await all_pages(["a"]))


if __name__ == "__main__":
    asyncio.run(main())
