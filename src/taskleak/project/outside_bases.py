"""A holder its class never binds: an attribute of a base class outside the checked code.

`class Motor(IsDaemon)` with `IsDaemon` imported from an installed package, and
`self._tasks.append(create_task(self._poll()))` in `Motor.__init__`, where no class of the
project in Motor's tree (itself, its bases, its subclasses and theirs) binds `_tasks`: the
list is the base's, made and maybe ended by its methods (`IsDaemon.shutdown()` cancels what
it holds), which the analysis does not read. So "only grows" or "never ended" would be a
guess; the row says the holder is left to that base, not followed, and claims no leak (a low
row). A base of the standard library binds no such attribute of its subclasses, and a base of
the project that does not bind it is followed to its own bases.
"""

from __future__ import annotations

import sys

from taskleak.project.index import ProjectIndex, Where

_MOST_BASES = 8


def outside_holder(index: ProjectIndex, owner: Where, name: str) -> str:
    """What a row may say of `owner`'s attribute `name` when no class of the project in its
    tree binds it and it has bases imported from outside the checked code, one of which must
    ("left to its base class yaqd_core.IsDaemon, which is not read"); "" otherwise. (The words
    name no binder: an unread module of the project may stand between.)"""
    # (the object may be of a subclass: a mixin's method storing into what the concrete
    # class's other base binds)
    outside: list[str] = []
    for cls in (owner, *sorted(index.tree.subclasses(owner))):
        bound, more = _bases(index, cls, name, 0)
        if bound:
            return ""
        outside += [o for o in more if o not in outside]
    return left_to(outside)


def left_to(outside: list[str]) -> str:
    """"left to its base class X, which is not read" ("" for none)."""
    if not outside:
        return ""
    if len(outside) == 1:
        return f"left to its base class {outside[0]}, which is not read"
    named = ", ".join(outside[:2]) + (f" and {len(outside) - 2} more" if len(outside) > 2 else "")
    return f"left to its base classes {named}, which are not read"


def outside_bases(index: ProjectIndex, cls: Where) -> list[str]:
    """The bases of `cls` imported from outside the checked code, through its bases of the
    project (`yaqd_core.IsDaemon`), whose methods may call its own."""
    return _bases(index, cls, "", 0)[1]


def _binds(index: ProjectIndex, cls: Where, name: str) -> bool:
    facts = index.classes[cls]
    return bool(name) and (name in facts.attrs or name in facts.class_names
                           or name in dict(facts.attr_types))


def _bases(index: ProjectIndex, cls: Where, name: str, depth: int) -> tuple[bool, list[str]]:
    """Whether `cls` or a base of the project binds `name`, and the bases outside the
    checked code (imported from a package that is not the standard library) found on the
    way; a class not followed that deep counts as binding it (no claim)."""
    if cls not in index.classes or depth > _MOST_BASES or _binds(index, cls, name):
        return True, []
    outside: list[str] = []
    for base in index.classes[cls].bases:
        found = index.resolve_name(cls[0], base)
        if found is not None and found in index.classes:
            bound, more = _bases(index, found, name, depth + 1)
            if bound:
                return True, []
            outside += [o for o in more if o not in outside]
            continue
        imported = imported_base(index, cls[0], base)
        if imported and imported not in outside:
            outside.append(imported)
    return False, outside


def imported_base(index: ProjectIndex, path: str, base: str) -> str:
    """`yaqd_core.IsDaemon` for a base `IsDaemon` that `path` imports from an installed
    package; "" for one of the standard library, of the project, or not imported."""
    head, _, tail = base.partition(".")
    target = index.imports.get(path, {}).get(head)
    if target is None or target.startswith("."):
        return ""  # (a relative import names the project, read or not)
    top = target.partition(".")[0]
    if top in sys.stdlib_module_names or index.qualified(path, target) is not None:
        return ""
    return f"{target}.{tail}" if tail else target
