"""Whether a call named through a module of the project is asyncio's spawn
(`QuestionKind.STDLIB_NAME`, asked by `analysis/names/reexports.py`).

The chain the asking module wrote (".compat.create_task", ".lib.Asyncio.gather") is followed to
the project's module it starts in (`ProjectIndex.module_file`); there its first name is what
that module imports (`Exports.imports`: `import asyncio as Asyncio` binds "Asyncio" to
"asyncio", `from asyncio import create_task` binds "create_task" to "asyncio.create_task"), and
the rest is read on from it, through further modules of the project, a few links at most. The
call is asyncio's spawn when the name reached is one of asyncio's names for it; a name the module
defines itself, or one no module of the project leads to, is not.
"""

from __future__ import annotations

from taskleak.analysis.tree.vocabulary import SPAWN_QUALIFIED, WRAPPING_SPAWNS
from taskleak.project.index import ProjectIndex

_MAX_DEPTH = 4


def names_stdlib(index: ProjectIndex, importer: str, chain: str, spawn: str,
                 depth: int = 0) -> bool:
    """`chain`, as written in the module `importer`, names asyncio's `spawn`
    ("asyncio.create_task") through the project's imports."""
    if depth > _MAX_DEPTH:
        return False
    for file, rest in index.module_file(importer, chain):
        head, _, tail = rest.partition(".")
        imported = index.imports.get(file, {}).get(head)
        if imported is None:
            continue  # (defined there: the project's own)
        full = f"{imported}.{tail}" if tail else imported
        if (SPAWN_QUALIFIED.get(full) or WRAPPING_SPAWNS.get(full)) == spawn \
                or names_stdlib(index, file, full, spawn, depth + 1):
            return True
    return False
