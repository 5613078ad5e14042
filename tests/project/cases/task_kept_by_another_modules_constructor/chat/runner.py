import asyncio

from chat.conversation import Conversation, Worker


class Runner:
    def __init__(self) -> None:
        self._conversations: dict[str, Conversation] = {}
        self._workers: dict[str, Worker] = {}

    async def _turn(self, conversation_id: str) -> None:
        await asyncio.sleep(1)

    async def _work(self) -> None:
        while True:
            await asyncio.sleep(1)

    async def start_turn(self, conversation_id: str) -> None:
        # kept by the conversation's `task`, which nothing ends: TL201
        task = asyncio.create_task(self._turn(conversation_id))
        self._conversations[conversation_id] = Conversation(conversation_id, task)

    def add_worker(self, name: str) -> None:
        # kept by the worker's field, cancelled in close(): low
        self._workers[name] = Worker(name, asyncio.create_task(self._work()))

    async def close(self) -> None:
        for worker in self._workers.values():
            worker.job.cancel()
