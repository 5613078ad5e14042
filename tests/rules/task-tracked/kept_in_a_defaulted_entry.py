"""Socket writes per document: each write task goes into its document's list, which
`setdefault` makes when missing; a done-callback drops finished ones and destroying a document
cancels what is left."""

import asyncio
from collections.abc import Coroutine
from typing import Any

_write_tasks: dict[str, list[asyncio.Task[None]]] = {}


def _cleanup_task(task: asyncio.Task[None]) -> None:
    for tasks in _write_tasks.values():
        if task in tasks:
            tasks.remove(task)


def dispatch_write(doc: str, write: Coroutine[Any, Any, None]) -> None:
    task = asyncio.get_running_loop().create_task(write)
    _write_tasks.setdefault(doc, []).append(task)
    task.add_done_callback(_cleanup_task)


def destroy_document(doc: str) -> None:
    for task in _write_tasks.pop(doc, []):
        task.cancel()
