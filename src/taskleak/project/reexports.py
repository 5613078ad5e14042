"""Whether a call named through a module of the project is asyncio's spawn
(`QuestionKind.STDLIB_NAME`, asked by `analysis/names/reexports.py`).

The chain the asking module wrote (".compat.create_task", ".lib.Asyncio.gather") is followed
through the project's modules and their re-exports as any qualified name is
(`ProjectIndex.qualified`), to the module that holds its first name; there that name is what the
module imports (`Exports.imports`: `import asyncio as Asyncio` binds "Asyncio" to "asyncio",
`from asyncio import create_task` binds "create_task" to "asyncio.create_task"), and the rest is
read on from it. The call is asyncio's spawn when the name reached is one of asyncio's names for
it; a name the module defines itself, or one no module of the project leads to, is not.
"""

from __future__ import annotations

from taskleak.analysis.tree.vocabulary import SPAWN_QUALIFIED, WRAPPING_SPAWNS
from taskleak.project.index import ProjectIndex


def names_stdlib(index: ProjectIndex, importer: str, chain: str, spawn: str) -> bool:
    """`chain`, as written in the module `importer`, names asyncio's `spawn`
    ("asyncio.create_task") through the project's imports."""
    found = index.qualified(importer, chain)
    if found is None:
        return False
    file, rest = found
    head, _, tail = rest.partition(".")
    imported = index.imports.get(file, {}).get(head)
    if imported is None:
        return False  # (defined there: the project's own)
    full = f"{imported}.{tail}" if tail else imported
    return (SPAWN_QUALIFIED.get(full) or WRAPPING_SPAWNS.get(full)) == spawn
