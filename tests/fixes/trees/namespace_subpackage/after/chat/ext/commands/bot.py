import asyncio

from chat._background_tasks import keep_task
from chat.client import Client

from .errors import CommandError
from .view import words


class Bot(Client):
    def dispatch(self, line: str) -> None:
        if not words(line):
            raise CommandError("no command")
        keep_task(asyncio.create_task(self.send(f"ran {words(line)[0]}")))
