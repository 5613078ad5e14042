"""A class's project bases, nearest first: what its objects run besides its own methods, for
judgements that read a method where an object finds it (`replaced_restarts.py`,
`owner_paths.py`)."""

from __future__ import annotations

from taskleak.project.index import ProjectIndex, Where

_DEPTH = 8  # bases followed this deep (a cycle of bad code ends there too)


def ancestors(index: ProjectIndex, klass: Where, itself: bool = False) -> list[Where]:
    """`klass`'s project bases, nearest first, theirs in turn (`itself`: `klass` first)."""
    out: list[Where] = [klass] if itself and klass in index.classes else []
    todo = [(klass, 0)]
    while todo:
        current, depth = todo.pop(0)
        if depth > _DEPTH:
            continue
        for base in index.tree.bases(current):
            if base not in out and base in index.classes:
                out.append(base)
                todo.append((base, depth + 1))
    return out
