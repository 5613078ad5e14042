"""Callers of the package's helper named like asyncio's `create_task` (the near miss of
`spawn_named_through_a_compat_module`): the helper is the project's, read as a helper, and the
call that drops its task is a high row, the call that keeps and awaits it a low one, as for
any helper of the project that returns its task."""

from .tools import create_task


async def fetch(url: str) -> None:
    pass


async def crawl(urls: list[str]) -> None:
    create_task(fetch(urls[0]))
    first = create_task(fetch(urls[-1]))
    await first
