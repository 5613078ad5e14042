"""A class's project bases, nearest first, and a method as an object of it runs it: where it is
defined, and what it ends, stores and calls through the methods it calls on `self`
(`ClassFacts.effects`), for judgements that read a method where an object finds it
(`replaced_restarts.py`, `owner_paths.py`)."""

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


def defining(index: ProjectIndex, lineage: list[Where], method: str) -> Where | None:
    """The first class of `lineage` that defines `method`."""
    return next((c for c in lineage if method in index.classes[c].methods), None)


def reached(index: ProjectIndex, lineage: list[Where], method: str, first: Where
             ) -> tuple[set[str], set[str], set[str]]:
    """(the attributes ends, the attributes stored into, the methods called on `self`) of
    `method` as `first` defines it, through the methods it calls on `self` in turn, each as the
    object's `lineage` resolves it (`ClassFacts.effects`, wherever each class lives)."""
    ends: set[str] = set()
    stores: set[str] = set()
    todo, seen = [(method, first)], {method}
    while todo:
        name, where = todo.pop()
        effects = next((e for e in index.classes[where].effects if e[0] == name), None)
        if effects is None:
            continue
        ends.update(effects[1])
        stores.update(effects[2])
        for called in effects[3]:
            found = defining(index, lineage, called)
            if called not in seen and found is not None:
                seen.add(called)
                todo.append((called, found))
    return ends, stores, seen - {method}
