"""`asyncio.ensure_future(...)` spawns; an event loop has no `ensure_future` method, so
`loop.ensure_future(...)` raises AttributeError and spawns nothing: only the first call here is
a (discarded) spawn."""

import asyncio


async def close_later() -> None:
    await asyncio.sleep(0)


def on_exit() -> None:
    asyncio.ensure_future(close_later())
    loop = asyncio.get_event_loop()
    try:
        loop.ensure_future(close_later())  # type: ignore[attr-defined]
    except AttributeError:
        pass
