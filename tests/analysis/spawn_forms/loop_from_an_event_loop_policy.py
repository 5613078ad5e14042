"""A loop an event loop policy gives (`asyncio.get_event_loop_policy().get_event_loop()`, its
`new_event_loop()`): its `create_task` is a spawn, here a dropped one. The near miss: a class of
the module that has a `new_event_loop` method is no policy, and what it gives is no loop."""

import asyncio


async def work() -> None:
    await asyncio.sleep(0)


def run_sync() -> None:
    policy = asyncio.get_event_loop_policy()
    try:
        default_loop = policy.get_event_loop()
    except RuntimeError:
        default_loop = policy.new_event_loop()
    default_loop.create_task(work())


class Factory:
    def new_event_loop(self) -> object:
        return object()


def other() -> None:
    made = Factory().new_event_loop()
    made.create_task(work())  # type: ignore[attr-defined]
