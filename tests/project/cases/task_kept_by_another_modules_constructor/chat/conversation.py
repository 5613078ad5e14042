import asyncio
import dataclasses


class Conversation:
    def __init__(self, conversation_id: str, task: "asyncio.Task[None]") -> None:
        self.conversation_id = conversation_id
        self.task = task


@dataclasses.dataclass
class Worker:
    name: str
    job: "asyncio.Task[None]"
