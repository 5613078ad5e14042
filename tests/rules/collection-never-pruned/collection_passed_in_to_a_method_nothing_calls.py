"""The sibling of task-tracked's collection_passed_in_by_a_base_class_not_read: the same
method on a class whose bases are all in the checked code (none here), and no caller of it in
the project. The session dict is its caller's, and no caller that owns it is found: whether
that owner ends the task is not followed (low, and the words say so; until stop 109 a TL202
"never pruned" built on finding no caller, which reviewers grade low)."""

import asyncio
from typing import Any


async def log_stderr(reader: asyncio.StreamReader) -> None:
    while line := await reader.readline():
        print(line)


class Camera:
    async def start_stream(self, session_info: dict[str, Any],
                           reader: asyncio.StreamReader) -> None:
        session_info["logger"] = asyncio.create_task(log_stderr(reader))
