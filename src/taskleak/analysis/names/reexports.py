"""asyncio's spawn functions named through a module of the project.

`from .compat import asyncio` (where `compat.py` says `import asyncio`), then
`asyncio.create_task(...)`; `from .compat import create_task`; `from . import lib`, then
`lib.Asyncio.gather(...)`: this module resolves the call to a name of another module
(".compat.asyncio.create_task"), which only that module's imports can say is asyncio's. Such a
call is read as the spawn of asyncio's that has its last name (`named_through`), and asks the
project join (`QuestionKind.STDLIB_NAME`, answered in `project/reexports.py`): it is a spawn only
when the chain leads, through the project's modules and what they import, to that very function
of asyncio. A function the project defines under that name (a `gather` of its own), or one of a
library, is no spawn, as before. `Task` is left out: a class of that name is common in a
project's own code, and asyncio's is reached through an alias like any other name of asyncio's.
"""

from __future__ import annotations

from taskleak.analysis.tree.vocabulary import SPAWN_QUALIFIED, TASK_CLASS, WRAPPING_SPAWNS

# the last name of each spawn function of asyncio's, and the spawn it names
_BY_LAST_NAME = {name.rpartition(".")[2]: spawn
                 for table in (SPAWN_QUALIFIED, WRAPPING_SPAWNS)
                 for name, spawn in table.items() if spawn.rpartition(".")[2] != TASK_CLASS}


def named_through(qualified: str) -> str:
    """The spawn of asyncio's ("asyncio.create_task") that a call this module resolves to
    `qualified` (".compat.create_task") may be, named through another module; "" when its last
    name is no spawn function's, or `qualified` is asyncio's own name (read as such)."""
    if qualified in SPAWN_QUALIFIED or qualified in WRAPPING_SPAWNS or "." not in qualified:
        return ""
    return _BY_LAST_NAME.get(qualified.rpartition(".")[2], "")
