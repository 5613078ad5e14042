"""A transform that routes the program's standard-library imports through a module of the
package: `import asyncio` becomes `from pkg.compat import asyncio`, `from asyncio import
create_task as spawn` becomes `from pkg.compat import spawn`, and `pkg/compat.py` holds the
program's own import statements, word for word. Real projects do this (a `compat.py` that picks
`asyncio.timeout` or `async_timeout`, a `Library.py` that gathers the imports); a fact that holds
only when `asyncio` is imported in place is bound to the module (issue 68).

Only top-level `import` and `from ... import` statements whose every module is the standard
library's (and not `__future__`) move; a statement that also names a third-party module stays.
The edited import lines map to nothing (they hold no finding); the rest of the program is copied
byte for byte."""

from __future__ import annotations

import ast
import sys

from invariance_map import Built, Edit, Program
from invariance_transforms import MAIN, PACKAGE, Excluded, Variant

COMPAT = "compat"
_KEPT = frozenset({"__future__"})


def _stdlib(module: str | None) -> bool:
    top = (module or "").split(".")[0]
    return top in sys.stdlib_module_names and top not in _KEPT


def _moves(stmt: ast.stmt) -> bool:
    if isinstance(stmt, ast.Import):
        return all(_stdlib(a.name) for a in stmt.names)
    if isinstance(stmt, ast.ImportFrom):
        return stmt.level == 0 and _stdlib(stmt.module) \
            and not any(a.name == "*" for a in stmt.names)
    return False


def _bound(stmt: ast.Import | ast.ImportFrom) -> list[str]:
    """The names the statement binds, in order (`import a.b` binds `a`)."""
    if isinstance(stmt, ast.Import):
        return [a.asname or a.name.split(".")[0] for a in stmt.names]
    return [a.asname or a.name for a in stmt.names]


def through_a_module(program: Program, module: ast.Module) -> Variant:
    """The program with its standard-library imports made from `pkg/compat.py`."""
    edits: list[Edit] = []
    compat = Built()
    bound_by: dict[str, str] = {}  # a name -> the import statement (text) that binds it
    for stmt in module.body:
        if not isinstance(stmt, (ast.Import, ast.ImportFrom)) or not _moves(stmt):
            continue
        start = program.offset_of_bytes(stmt.lineno, stmt.col_offset)
        end = program.offset_of_bytes(stmt.end_lineno or stmt.lineno, stmt.end_col_offset or 0)
        text = program.text[start:end]
        names = _bound(stmt)
        for name in names:
            if bound_by.setdefault(name, text) != text and isinstance(stmt, ast.ImportFrom):
                raise Excluded(f"`{name}` is bound by two standard-library imports")
        compat.write(text + "\n")
        edits.append(Edit(start, end, f"from {PACKAGE}.{COMPAT} import {', '.join(names)}"))
    if not edits:
        raise Excluded("no top-level standard-library import")
    variant = Variant(program)
    variant.files[f"{PACKAGE}/__init__.py"] = Built()
    variant.files[f"{PACKAGE}/{COMPAT}.py"] = compat
    main = Built()
    main.copy(program, 0, len(program.text), edits)
    variant.files[f"{PACKAGE}/{MAIN}.py"] = main
    return variant
