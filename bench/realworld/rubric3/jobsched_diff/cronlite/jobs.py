from dataclasses import dataclass
from typing import Awaitable, Callable


@dataclass(frozen=True)
class Job:
    name: str
    every: float
    run: Callable[[], Awaitable[None]]
