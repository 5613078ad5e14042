"""discord.py 2.7.1's `Message.delete(delay=...)`, reduced: given a delay, it spawns a
coroutine that sleeps that long and then deletes, and returns at once. Awaited (the unsafe
await fix), `delete(delay=3600)` would hold its caller for the hour: the call never returns
within the turns the program counts."""

import asyncio

UNSAFE = True


class Message:
    def __init__(self) -> None:
        self.deleted = False

    async def delete(self, *, delay: "float | None" = None) -> None:
        if delay is not None:

            async def delete(delay: float) -> None:
                await asyncio.sleep(delay)
                self.deleted = True

            asyncio.create_task(delete(delay))
        else:
            self.deleted = True


async def main() -> None:
    message = Message()
    call = asyncio.ensure_future(message.delete(delay=3600))
    for _ in range(5):  # bounded by loop turns: a call that waits shows as output
        await asyncio.sleep(0)
    print("returned" if call.done() else "still waiting", "deleted", message.deleted)
    call.cancel()


asyncio.run(main())
