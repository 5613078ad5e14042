"""Imports that name the standard library through a module of the project.

`from .compat import asyncio`, where `compat.py` says `import asyncio`, binds the same module
as `import asyncio` does; `from pkg.compat import spawn`, where `compat.py` says `from asyncio
import create_task as spawn`, binds asyncio's `create_task`. One module cannot tell (it sees a
name of `.compat`); the run can, once it has read the module imported from
(`run/stdlib_through.py`), and analyses the importing module again with what each such import
binds (`Through`): its scan then binds the name as if the module imported it in place, and
every fact read of `asyncio` (its spawns, waits, events, weak collections) holds alike.

The bindings are ambient for the analysis of one file (`reading_through`): every analysis of
its tree (the module's own, again with its local bases, with its bases of other modules) must
read its imports the same way, and those reach the scan by several paths.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from types import MappingProxyType

# (the import as the module writes it, ".compat.asyncio"; what it binds, "asyncio"), sorted
Through = tuple[tuple[str, str], ...]

_NONE: Mapping[str, str] = MappingProxyType({})
_BOUND: ContextVar[Mapping[str, str]] = ContextVar("through", default=_NONE)


@contextmanager
def reading_through(through: Through) -> Iterator[None]:
    """Analyse with `through`'s imports bound to what they name in the standard library."""
    token = _BOUND.set(dict(through))
    try:
        yield
    finally:
        _BOUND.reset(token)


def bound(qualified: str) -> str:
    """What an import of `qualified` (".compat.asyncio", as the module writes it) binds: the
    standard library's name when the run found it so, else `qualified` itself."""
    return _BOUND.get().get(qualified, qualified)
