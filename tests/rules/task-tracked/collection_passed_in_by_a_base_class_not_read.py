"""A camera whose streams an installed library's base class starts and stops: `start_stream()`
is called by that base (nothing here calls it) with a session dict it owns, and keeps the
stderr logger's task there. Who owns the dict, and whether its base's code ends the task, is
not read: kept, not followed (TL001). The near miss is in collection-never-pruned: the same
method on a class with no base outside the checked code."""

import asyncio
from typing import Any

from camlib.camera import Camera as LibraryCamera


async def log_stderr(reader: asyncio.StreamReader) -> None:
    while line := await reader.readline():
        print(line)


class Camera(LibraryCamera):  # type: ignore[misc]
    async def start_stream(self, session_info: dict[str, Any],
                           reader: asyncio.StreamReader) -> None:
        session_info["logger"] = asyncio.create_task(log_stderr(reader))
