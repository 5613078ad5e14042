"""The losers of a race, left in `pending`, each handed after the wait to another module's
helper that cancels and waits for it: ended there, on the normal way out (inngest's
`_wait_for_gateway_endpoint`). Near miss: the same handed to a function of another module that
only reads the task's name: followed, it ends nothing, so the losers are left running."""

import asyncio

from gate import aio, notes


async def wait_for_endpoint(state) -> bool:
    ready = asyncio.create_task(state.ready.wait())
    closing = asyncio.create_task(state.closing.wait())
    done, pending = await asyncio.wait((ready, closing), return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        await aio.cancel_and_wait(task)
    return ready in done


async def wait_and_note(state) -> bool:
    ready = asyncio.create_task(state.ready.wait())
    closing = asyncio.create_task(state.closing.wait())
    done, pending = await asyncio.wait((ready, closing), return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        notes.remember(task)
    return ready in done
