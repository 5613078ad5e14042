"""The package's compat module: asyncio's `create_task`, re-exported."""

from asyncio import create_task

__all__ = ["create_task"]
