"""A per-conversation turn task handed to the constructor of a handle that keeps it in an
attribute (`self.task = task`), the handle kept in a dict of the runner; nothing awaits or
cancels a handle's task, and the runner has no close (paca-acp-bridge's shape, with an explicit
`__init__`). The constructor is a transfer: the task is held by the handle's attribute and
judged as one stored there (TL201), not a hand-off "not followed". Near misses:
task-tracked's `handed_to_a_constructor_and_cancelled_on_close` (the runner's close cancels
each handle's task) and `handed_to_a_constructor_that_only_reads_it` (the constructor keeps
nothing of it)."""

import asyncio


class Conversation:
    def __init__(self, conversation_id: str, task: "asyncio.Task[None]") -> None:
        self.conversation_id = conversation_id
        self.task = task


class Runner:
    def __init__(self) -> None:
        self._conversations: dict[str, Conversation] = {}

    async def _turn(self, conversation_id: str, message: str) -> None:
        await asyncio.sleep(1)
        print(conversation_id, message)

    async def start_turn(self, conversation_id: str, message: str) -> None:
        task = asyncio.create_task(self._turn(conversation_id, message))
        self._conversations[conversation_id] = Conversation(conversation_id, task)
