"""A class's project bases, nearest first, and a method as an object of it runs it: where it is
defined, and what it ends, stores and calls through the methods it calls on `self`
(`ClassFacts.effects`), for judgements that read a method where an object finds it
(`replaced_restarts.py`, `owner_paths.py`)."""

from __future__ import annotations

from taskleak.project.index import ProjectIndex, Where


def ancestors(index: ProjectIndex, klass: Where, itself: bool = False) -> list[Where]:
    """`klass`'s project bases in Python's method resolution order (`ClassTree.mro`), as an
    object of it looks a method up (`itself`: `klass` first)."""
    order = index.tree.mro(klass) if klass in index.classes else (klass,)
    return [*order] if itself and klass in index.classes else [*order[1:]]


def defining(index: ProjectIndex, lineage: list[Where], method: str, concrete: bool = False
             ) -> Where | None:
    """The first class of `lineage` that defines `method` (`concrete`: other than as a stub
    that only declares it, `ClassFacts.stubs`)."""
    return next((c for c in lineage if method in index.classes[c].methods
                 and not (concrete and method in index.classes[c].stubs)), None)


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
