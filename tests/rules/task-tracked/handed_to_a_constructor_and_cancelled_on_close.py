"""The near miss of task-never-cleaned's `handed_to_a_constructor_that_keeps_it`: the handle
keeps the task in `self.task`, and the runner's `close()` cancels and awaits each handle's task
through the typed dict it keeps them in. The task is held by the handle's attribute and ended
there: low."""

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

    async def close(self) -> None:
        for conversation in self._conversations.values():
            conversation.task.cancel()
            await asyncio.gather(conversation.task, return_exceptions=True)
        self._conversations.clear()
