"""The client holds the task manager, and a cache whose `create()` makes no task. Nothing here
names a spawn: only the chain of a call in another module leads the run here."""

from voice.tasks import TaskManager


class Cache:
    def create(self, key: str) -> str:
        return key


class Client:
    def __init__(self) -> None:
        self._tasks: TaskManager = TaskManager()
        self._cache: Cache = Cache()
