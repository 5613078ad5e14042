"""The `pending` set a race returns, handed element by element after the wait to a function of
another module: what it does with them is not followed, so no claim is made about the losers'
end (the shape of task-tracked/race_losers_handed_to_an_import.py, through `pending`)."""

import asyncio

from .aio import cancel_and_wait


async def first_signal(state) -> bool:
    ready = asyncio.create_task(state.ready.wait())
    closing = asyncio.create_task(state.closing.wait())
    done, pending = await asyncio.wait((ready, closing), return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        await cancel_and_wait(task)
    return ready in done


async def first_reply(a, b):
    done, pending = await asyncio.wait(
        [
            asyncio.create_task(a.reply()),
            asyncio.create_task(b.reply()),
        ],
        return_when=asyncio.FIRST_COMPLETED,
    )
    for task in pending:
        await cancel_and_wait(task)
    return done.pop().result()
