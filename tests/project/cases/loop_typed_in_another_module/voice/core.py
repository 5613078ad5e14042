"""The server's loop and per-connection context, typed here and used in handlers.py."""

import asyncio
import contextvars
from dataclasses import dataclass

loop: asyncio.AbstractEventLoop | None = None


@dataclass
class Context:
    loop: asyncio.AbstractEventLoop
    client_id: str


current: contextvars.ContextVar[Context] = contextvars.ContextVar("current")
