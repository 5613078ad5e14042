"""Where isort (and ruff's `I` rules) put a new first-party import: the project's own helper
(`from app._background_tasks import keep_task`, or `from .._background_tasks import keep_task`
in a module whose own imports are relative).

Only the module's top imports are looked at (the import lines before any statement that is
not one, `try: import x` aside), so the import never lands after module code (pycodestyle's
E402). The block is read
as isort writes it: sections (future, standard library, third party, first party, local
folder) apart by blank lines. The new import joins its section's run, sorted by module name
(`import x` lines before `from x import y` ones, unless the run mixes them by name: isort's
`force-sort-within-sections`; relative ones furthest first, ruff's default); a module without
that section gets a run of its own where the section goes.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Sequence
from enum import IntEnum

import libcst as cst

from taskleak.analysis.tree.nodes import dotted
from taskleak.fixes.edits import Edits, Statement

STDLIB = frozenset(getattr(sys, "stdlib_module_names", ()))  # Python >= 3.10


class Section(IntEnum):
    """isort's sections, in their order."""

    FUTURE = 0
    STDLIB = 1
    THIRD_PARTY = 2
    FIRST_PARTY = 3
    LOCAL_FOLDER = 4


SortKey = tuple[int, int, str]  # (`import` 0 / `from` 1, minus the dots, module lowercased)


def _first(stmt: Statement) -> cst.Import | cst.ImportFrom | None:
    if isinstance(stmt, cst.SimpleStatementLine) and stmt.body \
            and all(isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body):
        first = stmt.body[0]
        assert isinstance(first, (cst.Import, cst.ImportFrom))
        return first
    return None


def _module(imp: cst.Import | cst.ImportFrom) -> tuple[int, str]:
    """(the dots of a relative import, the module's dotted name)."""
    if isinstance(imp, cst.Import):
        return 0, dotted(imp.names[0].name) or ""
    module = dotted(imp.module) if imp.module is not None else ""
    return len(imp.relative), module or ""


def _section(imp: cst.Import | cst.ImportFrom, first_party: str) -> Section:
    dots, module = _module(imp)
    top = module.split(".")[0]
    if dots:
        return Section.LOCAL_FOLDER
    if top == "__future__":
        return Section.FUTURE
    if top == first_party:
        return Section.FIRST_PARTY
    return Section.STDLIB if top in STDLIB else Section.THIRD_PARTY


def _key(imp: cst.Import | cst.ImportFrom, by_name: bool) -> SortKey:
    dots, module = _module(imp)
    kind = 0 if by_name or isinstance(imp, cst.Import) else 1
    return kind, -dots, module.lower()


def is_import_line(stmt: cst.CSTNode) -> bool:
    return isinstance(stmt, cst.SimpleStatementLine) and all(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in stmt.body)


def has_import(stmt: cst.CSTNode) -> bool:
    """A compound statement that imports (`if TYPE_CHECKING:`, `try: import x`)."""
    if not isinstance(stmt, (cst.If, cst.Try)):
        return False
    body = stmt.body
    return isinstance(body, cst.IndentedBlock) and any(is_import_line(s) for s in body.body)


def _runs(body: Sequence[Statement], start: int) -> list[list[int]]:
    """The runs of import lines from `start` up to the first statement that neither is one
    nor holds one (`try: import x`, which parts runs too), apart by blank lines (isort's
    sections)."""
    runs: list[list[int]] = []
    fresh = True
    for i in range(start, len(body)):
        stmt = body[i]
        if not is_import_line(stmt):
            if not has_import(stmt):
                break
            fresh = True
            continue
        if fresh or any(line.comment is None for line in stmt.leading_lines):
            runs.append([i])
        else:
            runs[-1].append(i)
        fresh = False
    return runs


def place_first_party(edits: Edits, stmt: Statement, start: int) -> bool:
    """Insert the first-party import `stmt` in the module's top block of imports (which
    starts at body index `start`, after the docstring and `__future__`); False when the module
    has no such block (the caller places it)."""
    body = edits.module.body
    new = _import(stmt)
    first_party = _module(new)[1].split(".")[0]
    section = _section(new, first_party)
    runs = [[(i, _import(body[i])) for i in run] for run in _runs(body, start)]
    if not runs:
        return False
    mine = next(([(i, imp) for i, imp in run if _section(imp, first_party) is section]
                 for run in runs if any(_section(imp, first_party) is section
                                        for _, imp in run)), None)
    if mine is not None:
        keys = [_key(imp, False) for _, imp in mine]
        # isort's force-sort-within-sections: a `from` line before an `import` line
        by_name = any(a[0] > b[0] for a, b in itertools.pairwise(keys))
        ours = _key(new, by_name)
        anchor = next((i for i, imp in mine if _key(imp, by_name) > ours), None)
        if anchor is not None:
            edits.insert_before(body[anchor], [stmt])
        else:
            edits.insert_after(body[mine[-1][0]], [stmt])
        return True
    later = next((run[0][0] for run in runs if _section(run[0][1], first_party) > section),
                 None)
    if later is not None:
        edits.insert_before(body[later], [stmt])
        edits.ensure_blank(body[later])
    else:
        edits.insert_after(body[runs[-1][-1][0]], [stmt.with_changes(
            leading_lines=[cst.EmptyLine()])])
    return True


def _import(stmt: Statement) -> cst.Import | cst.ImportFrom:
    imp = _first(stmt)
    assert imp is not None
    return imp


def imports_relatively(module: cst.Module, first_party: str) -> bool:
    """The module imports its own package relatively (`from .util import x`) more than by
    its absolute name (`from app.util import x`): isort keeps the form, so the fix does."""
    relative = absolute = 0
    for stmt in module.body:
        imp = _first(stmt)
        if imp is not None:
            dots, name = _module(imp)
            relative += bool(dots)
            absolute += not dots and name.split(".")[0] == first_party
    return relative > absolute


def relative_reach(module: cst.Module) -> int:
    """The most dots of the module's top relative imports (`from ...message import M`: 3)."""
    return max((_module(imp)[0] for imp in map(_first, module.body) if imp is not None),
               default=0)


def relative_module(package: str, module: str) -> str:
    """`module` (a dotted name) as a module of `package` imports it relatively:
    ("app.net", "app._background_tasks") -> ".._background_tasks"."""
    here, there = package.split("."), module.split(".")
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    return "." * (len(here) - common + 1) + ".".join(there[common:])
