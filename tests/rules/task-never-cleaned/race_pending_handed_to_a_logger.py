"""Near miss of task-tracked/race_pending_handed_to_an_import.py: the `pending` set's losers are
handed, after the wait, to a function of this module that only reads their names; that function
is followed, and it ends nothing, so they are left running."""

import asyncio


def note(task: asyncio.Task[None]) -> None:
    print(task.get_name())


async def first_signal(state) -> bool:
    ready = asyncio.create_task(state.ready.wait())
    closing = asyncio.create_task(state.closing.wait())
    done, pending = await asyncio.wait((ready, closing), return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        note(task)
    return ready in done
