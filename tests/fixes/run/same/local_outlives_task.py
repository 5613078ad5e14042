"""A failed task nobody waits for is reported by the loop's exception handler when it is let go;
this program's handler stops the loop. A fix that names the task in a local of the function
that runs the loop keeps it for ever: the handler never fires (the program counts turns and
says so instead of hanging)."""

import asyncio

UNSAFE = False
TURNS = 2000


async def fail() -> None:
    raise RuntimeError("boom")


def handler(loop: asyncio.AbstractEventLoop, context: dict[str, object]) -> None:
    print("handler saw:", context.get("exception"))
    loop.stop()


def run() -> None:
    loop = asyncio.new_event_loop()
    loop.set_exception_handler(handler)
    turns = 0

    def tick() -> None:
        nonlocal turns
        turns += 1
        if turns >= TURNS:
            print("the handler never fired")
            loop.stop()
        else:
            loop.call_soon(tick)

    loop.call_soon(tick)
    loop.create_task(fail())
    loop.run_forever()
    loop.close()


run()
