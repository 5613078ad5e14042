"""The type a class's attribute is declared as, across the project (its own declaration or a
base class's, resolved through the imports of the module that declares it)."""

from __future__ import annotations

from taskleak.project.index import ProjectIndex, Where


def declared_type(index: ProjectIndex, owner: Where, attr: str, depth: int = 0) -> str:
    """The qualified name of the type `owner`'s attribute `attr` is declared as (annotated, or
    made by its one constructor: `attribute_types.py`), its own or a base class's, resolved
    through the imports of the module that declares it (`weakref.WeakSet` for `tasks:
    weakref.WeakSet[Task]`); "" if none."""
    facts = index.classes.get(owner)
    if facts is None or depth > 8:
        return ""
    declared = dict(facts.attr_types).get(attr)
    if declared is not None:
        head, _, tail = declared.partition(".")
        target = index.imports.get(owner[0], {}).get(head)
        return declared if target is None else f"{target}.{tail}" if tail else target
    for base in facts.bases:
        found = index.resolve_name(owner[0], base)
        if found is not None and found in index.classes:
            typed = declared_type(index, found, attr, depth + 1)
            if typed:
                return typed
    return ""
