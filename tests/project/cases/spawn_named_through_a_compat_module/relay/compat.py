"""The package's one place for what differs between event loops: it re-exports asyncio (under
its own name and an alias) and two of its functions, as compatibility modules do."""

import asyncio
import asyncio as aio
from asyncio import create_task, ensure_future

__all__ = ["aio", "asyncio", "create_task", "ensure_future"]
