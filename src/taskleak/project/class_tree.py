"""The project's classes as a tree: each class's bases, resolved once, and its subclasses.

`ProjectIndex.is_subclass` climbed a class's bases through `resolve_name` at every question,
and a `self.name()` call that only a mixin's subclasses define asked it of every class of the
project (`through_subclasses`): on a run over many projects with many helpers that was most of
the join (dev6: 20 s of 56 s under a profiler). The bases are resolved once per class here, and
the subclasses of a class are read off the reverse map.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection

Where = tuple[str, str]  # (file path, qualified name in that file)

_DEPTH = 8  # inheritance chains followed this deep (a cycle of bad code ends there too)


class ClassTree:
    def __init__(self, classes: Collection[Where],
                 resolve_name: Callable[[str, str], Where | None],
                 bases_of: Callable[[Where], tuple[str, ...]]) -> None:
        self._classes = classes
        self._resolve_name = resolve_name
        self._bases_of = bases_of
        self._bases: dict[Where, tuple[Where, ...]] = {}
        self._derived: dict[Where, list[Where]] | None = None
        self._mro: dict[Where, tuple[Where, ...]] = {}

    def bases(self, where: Where) -> tuple[Where, ...]:
        """The classes `where`'s bases name, as resolved (not only the project's); none for a
        class the project does not define (a base resolved to a name no module defines)."""
        if where not in self._classes:
            return ()
        found = self._bases.get(where)
        if found is None:
            named = (self._resolve_name(where[0], b) for b in self._bases_of(where))
            found = self._bases[where] = tuple(w for w in named if w is not None)
        return found

    def is_subclass(self, where: Where, of: Where) -> bool:
        todo, seen = [(where, 0)], set()
        while todo:
            cls, depth = todo.pop()
            if cls == of:
                return True
            if cls in seen or depth > _DEPTH or cls not in self._classes:
                continue
            seen.add(cls)
            todo.extend((base, depth + 1) for base in self.bases(cls))
        return False

    def subclasses(self, of: Where) -> set[Where]:
        """The project's classes derived from `of`, `of` left out."""
        if self._derived is None:
            self._derived = defaultdict(list)
            for cls in self._classes:
                for base in self.bases(cls):
                    self._derived[base].append(cls)
        out: set[Where] = set()
        todo = [(of, 0)]
        while todo:
            cls, depth = todo.pop()
            if depth > _DEPTH:
                continue
            for sub in self._derived.get(cls, ()):
                if sub not in out and sub != of:
                    out.add(sub)
                    todo.append((sub, depth + 1))
        return out

    def mro(self, where: Where) -> tuple[Where, ...]:
        """`where` and the project's classes it inherits from, in Python's method resolution
        order (C3): a method is looked up there, so a sibling mixin's method comes before a
        stub of the base both derive from (`class Client(_Connection, _Reconnect)`, with
        `_Base._schedule` a stub `_Reconnect` overrides). Bases the project does not define
        are left out; an order C3 cannot make (bad code) falls back to depth first."""
        return self._linearize(where, 0)

    def _linearize(self, where: Where, depth: int) -> tuple[Where, ...]:
        found = self._mro.get(where)
        if found is not None:
            return found
        self._mro[where] = (where,)  # (a cycle of bad code: it stops here)
        bases = tuple(b for b in self.bases(where) if b in self._classes)
        if depth > _DEPTH:
            return (where,)
        orders = [list(self._linearize(b, depth + 1)) for b in bases] + [list(bases)]
        merged = _c3_merge(orders)
        if merged is None:
            merged = list(dict.fromkeys(c for order in orders for c in order))
        found = self._mro[where] = (where, *merged)
        return found


def _c3_merge(orders: list[list[Where]]) -> list[Where] | None:
    """C3's merge of the bases' orders and the bases themselves; None when none can go next."""
    out: list[Where] = []
    orders = [o for o in orders if o]
    while orders:
        head = next((o[0] for o in orders if not any(o[0] in rest[1:] for rest in orders)), None)
        if head is None:
            return None
        out.append(head)
        orders = [rest for o in orders if (rest := o[1:] if o[0] == head else o)]
    return out
