"""Names a fix needs at module level (`asyncio`, `Any`, `contextlib`), and where new ones go.

A name is reused when the module already imports it at the top (`import asyncio as aio` gives
`aio`, `import typing` gives `typing.Any`); otherwise an import is added, only once, after any
module docstring and `from __future__` import: into the standard-library block when there is
one (in sorted place), else as a new block above the first import; a project's own helper in
its isort section (`import_sections`). Module-level task sets go after the last import that
precedes the first function or class.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

import libcst as cst

from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import BindingKind
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Conflict, Edits, Statement, is_docstring
from taskleak.fixes.import_sections import (
    STDLIB,
    has_import,
    is_import_line,
    place_first_party,
)
from taskleak.fixes.naming import type_order
from taskleak.records import record

NEW_IMPORTS = "new-imports"  # Edits.shared key: list of (sort key, statement code)
MODULE_STATEMENTS = "module-statements"  # Edits.shared key: statements after the imports


@record(frozen=True)
class Header:
    """Where a module's header (docstring, `__future__`, imports) ends."""

    future_end: int  # index of the first statement after the docstring and __future__ imports
    end: int  # index after the last import before the first def/class (>= future_end)


def _is_future(stmt: cst.CSTNode) -> bool:
    return isinstance(stmt, cst.SimpleStatementLine) and all(
        isinstance(s, cst.ImportFrom) and s.module is not None
        and dotted(s.module) == "__future__" for s in stmt.body
    )


def header(module: cst.Module) -> Header:
    body = module.body
    i = 0
    if body and is_docstring(body[0]):
        i = 1
    while i < len(body) and _is_future(body[i]):
        i += 1
    future_end = i
    end = future_end
    for j in range(future_end, len(body)):
        stmt = body[j]
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            break
        if is_import_line(stmt) or has_import(stmt):
            end = j + 1
    return Header(future_end, end)


def _top_imports(module: cst.Module, stop: int
                 ) -> Iterator[tuple[int, cst.Import | cst.ImportFrom]]:
    for i, stmt in enumerate(module.body[:stop]):
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, (cst.Import, cst.ImportFrom)):
                    yield i, small


def _alias_local(alias: cst.ImportAlias) -> str | None:
    if alias.asname is not None:
        name = alias.asname.name
        return name.value if isinstance(name, cst.Name) else None
    return dotted(alias.name)


def _bound_otherwise(ctx: FixContext, name: str, qualified: str) -> bool:
    """`name` is bound at module level to something else than the module `qualified`."""
    for b in ctx.root.bindings.get(name, ()):
        if b.kind is not BindingKind.IMPORT or b.qualified != qualified:
            return True
    return False


def module_ref(edits: Edits, ctx: FixContext, modname: str) -> str:
    """How module code refers to module `modname` ('asyncio', 'aio', 'concurrent.futures')."""
    key = f"module:{modname}"
    if key in edits.shared:
        return str(edits.shared[key])
    module = ctx.module
    head = header(module)
    for _, imp in _top_imports(module, head.end):
        if isinstance(imp, cst.Import):
            for alias in imp.names:
                if dotted(alias.name) == modname:
                    local = _alias_local(alias)
                    if local is not None:
                        edits.shared[key] = local
                        return local
    top = modname.split(".")[0]
    if _bound_otherwise(ctx, top, top):
        raise Conflict(f"the name `{top}` is taken by something else than the module")
    _new_import(edits, f"import {modname}", (0, modname))
    edits.shared[key] = modname
    return modname


def name_ref(edits: Edits, ctx: FixContext, modname: str, name: str) -> str:
    """How module code refers to `modname.name` ('Any', 'typing.Any', 't.Any')."""
    key = f"name:{modname}.{name}"
    if key in edits.shared:
        return str(edits.shared[key])
    module = ctx.module
    head = header(module)
    from_imports: list[cst.ImportFrom] = []
    for _, imp in _top_imports(module, head.end):
        if isinstance(imp, cst.ImportFrom) and imp.module is not None and not imp.relative \
                and dotted(imp.module) in (modname, f"{modname}_extensions"):
            if isinstance(imp.names, cst.ImportStar):
                continue
            for alias in imp.names:
                if dotted(alias.name) == name:
                    local = _alias_local(alias) or name
                    edits.shared[key] = local
                    return local
            if dotted(imp.module) == modname:
                from_imports.append(imp)
    for _, imp in _top_imports(module, head.end):
        if isinstance(imp, cst.Import):
            for alias in imp.names:
                if dotted(alias.name) == modname:
                    ref = f"{_alias_local(alias)}.{name}"
                    edits.shared[key] = ref
                    return ref
    if ctx.root.bindings.get(name) or ctx.written_in_module(name):
        ref = f"{module_ref(edits, ctx, modname)}.{name}"  # `Any` means something else here
    elif from_imports:
        edits.import_names.setdefault(from_imports[0], []).append(name)
        ref = name
    else:
        _new_from_import(edits, modname, name)
        ref = name
    edits.shared[key] = ref
    return ref


def _new_import(edits: Edits, code: str, sort_key: tuple[int, str]) -> None:
    pending: list[tuple[tuple[int, str], str]] = edits.shared.setdefault(NEW_IMPORTS, [])
    edits.shared[NEW_IMPORTS] = [*pending, (sort_key, code)]


def _new_from_import(edits: Edits, modname: str, name: str) -> None:
    """`from modname import name`, merged into a new import of the same module."""
    pending: list[tuple[tuple[int, str], str]] = edits.shared.get(NEW_IMPORTS, [])
    prefix = f"from {modname} import "
    for i, (key, code) in enumerate(pending):
        if code.startswith(prefix):
            names = sorted({*code[len(prefix):].split(", "), name}, key=type_order)
            merged = (key, prefix + ", ".join(names))
            edits.shared[NEW_IMPORTS] = [*pending[:i], merged, *pending[i + 1:]]
            return
    _new_import(edits, prefix + name, (1, modname))


def add_module_statement(edits: Edits, code: str) -> None:
    """A statement to place after the module's imports (e.g. the module's task set)."""
    pending: list[str] = edits.shared.get(MODULE_STATEMENTS, [])
    edits.shared[MODULE_STATEMENTS] = [*pending, code]


# -- placing new imports and module statements (once, just before the transform) --------------
def _import_key(stmt: cst.CSTNode) -> tuple[int, str] | None:
    if not is_import_line(stmt):
        return None
    assert isinstance(stmt, cst.SimpleStatementLine)
    first = stmt.body[0]
    if isinstance(first, cst.Import):
        return (0, dotted(first.names[0].name) or "")
    assert isinstance(first, cst.ImportFrom)
    if first.relative or first.module is None:
        return (1, "~")
    return (1, dotted(first.module) or "")


def _starts_after_blank(stmt: Statement) -> bool:
    return any(line.comment is None for line in stmt.leading_lines)


def _stdlib_block(body: Sequence[Statement], head: Header) -> list[int]:
    """Indices of the first run of adjacent imports whose first module is a stdlib one."""
    i = head.future_end
    while i < head.end:
        if _import_key(body[i]) is None:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < head.end and _import_key(body[j]) is not None \
                and not _starts_after_blank(body[j]):
            run.append(j)
            j += 1
        key = _import_key(body[i])
        if key is not None and key[1].split(".")[0] in STDLIB:
            return run
        i = j
    return []


def place_pending(edits: Edits) -> None:
    """Turn the pending new imports and module statements into positioned edits: standard
    library imports into the standard-library block (or a new block above the first import),
    other imports (a project's own helper) where isort puts them (`import_sections`), then the
    module statements (task sets, the keep-helper) after the header."""
    imports: list[tuple[tuple[int, str], str]] = sorted(edits.shared.pop(NEW_IMPORTS, []))
    statements: list[str] = edits.shared.pop(MODULE_STATEMENTS, [])
    if not imports and not statements:
        return
    body = edits.module.body
    head = header(edits.module)
    std = [(key, code) for key, code in imports if key[1].split(".")[0] in STDLIB]
    tail = _place_stdlib(edits, std, head)  # goes after the header, in this order
    for key, code in imports:  # a project's own helper: in its isort section
        stmt = edits.statements(code)[0]
        if (key, code) not in std and not place_first_party(edits, stmt, head.future_end):
            tail.append(stmt)
    first = True
    for code in statements:
        for stmt in edits.statements(code):
            if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)) or (
                    tail and isinstance(tail[-1], (cst.FunctionDef, cst.ClassDef))):
                stmt = stmt.with_changes(leading_lines=[cst.EmptyLine()] * 2)
            elif first and (tail or head.end > 0):
                stmt = stmt.with_changes(leading_lines=[cst.EmptyLine()])  # apart from imports
            first = False
            tail.append(stmt)
    if not tail:
        return
    after_def = 2 if isinstance(tail[-1], (cst.FunctionDef, cst.ClassDef)) else 1
    if head.end > 0:
        if not tail[0].leading_lines:
            tail[0] = tail[0].with_changes(leading_lines=[cst.EmptyLine()])
        edits.insert_after(body[head.end - 1], tail)
        if head.end < len(body):
            edits.ensure_blank(body[head.end], after_def)
    elif body:
        edits.insert_before(body[0], tail)
        edits.ensure_blank(body[0], after_def)


def _place_stdlib(edits: Edits, imports: list[tuple[tuple[int, str], str]],
                  head: Header) -> list[Statement]:
    """Position new standard-library imports; those that have no block to go into are
    returned, to go after the header."""
    body = edits.module.body
    block = _stdlib_block(body, head)
    if imports and block:
        keys = [_import_key(body[i]) or (9, "") for i in block]
        # isort's force-sort-within-sections (Home Assistant, Google style): `from a import b`
        # sorts with `import a` by module name, so a `from` may come before an `import`
        by_name = any(a[0] > b[0] for a, b in itertools.pairwise(keys))
        for key, code in imports:
            stmt = edits.statements(code)[0]
            if by_name:
                key = (0, key[1])
            anchor = next((i for i, k in zip(block, keys, strict=True)
                           if ((0, k[1]) if by_name else k) > key), None)
            if anchor is not None:
                edits.insert_before(body[anchor], [stmt])
            else:
                edits.insert_after(body[block[-1]], [stmt])
        return []
    new = [edits.statements(code)[0] for _, code in imports]
    first_import = next((i for i in range(head.future_end, head.end)
                         if _import_key(body[i]) is not None), None)
    if new and first_import is not None:
        edits.insert_before(body[first_import], new)
        edits.ensure_blank(body[first_import])
        return []
    return new
