"""Every read of a module's names (the scan's `Occurrence`s), indexed once: by key, by last
attribute, and by where the reading scope sits in the scope tree, so "the reads of `x` in this
function and the functions inside it" is a slice, not a walk of the module.

Speed trick (one place, used by `ownership.py`): see `Ownership.__init__`.
"""

from __future__ import annotations

from bisect import bisect_left

from taskleak.analysis.tree.scopes import Occurrence, Scope


class Reads:
    """The reads of one module's scope tree, in `Scope.walk()` order (each scope's own reads in
    text order, then its children's)."""

    def __init__(self, module: Scope) -> None:
        self.by_key: dict[str, list[Occurrence]] = {}
        # "x" -> the reads of `a.x`, `a.b.x` ... (keys with a dot, by their last part)
        self.by_attr: dict[str, list[Occurrence]] = {}
        self._first: dict[int, int] = {}  # id(scope) -> its place in walk order
        self._end: dict[int, int] = {}  # id(scope) -> the place after its last descendant
        self._rank: dict[int, int] = {}  # id(occurrence) -> its place among all reads
        self._places: dict[str, list[int]] = {}  # key -> the places of its reads' scopes
        self._attr_places: dict[str, list[int]] = {}
        todo: list[tuple[Scope, bool]] = [(module, False)]
        while todo:
            scope, done = todo.pop()
            if done:
                self._end[id(scope)] = len(self._first)
                continue
            place = self._first[id(scope)] = len(self._first)
            for occ in scope.occurrences:
                self._rank[id(occ)] = len(self._rank)
                key = occ.key
                self.by_key.setdefault(key, []).append(occ)
                self._places.setdefault(key, []).append(place)
                if "." in key:
                    last = key.rsplit(".", 1)[1]
                    self.by_attr.setdefault(last, []).append(occ)
                    self._attr_places.setdefault(last, []).append(place)
            todo.append((scope, True))
            todo.extend((child, False) for child in reversed(scope.children))

    def within(self, key: str, scope: Scope) -> list[Occurrence]:
        """The reads of `key` in `scope` and the scopes inside it, in walk order."""
        return self._slice(self.by_key.get(key, []), self._places.get(key, []), scope)

    def within_attr(self, last: str, scope: Scope) -> list[Occurrence]:
        """The reads of `<anything>.last` in `scope` and the scopes inside it, in walk order."""
        return self._slice(self.by_attr.get(last, []), self._attr_places.get(last, []), scope)

    def in_order(self, reads: list[Occurrence]) -> list[Occurrence]:
        """`reads` in walk order."""
        rank = self._rank
        return sorted(reads, key=lambda o: rank[id(o)])

    def _slice(self, reads: list[Occurrence], places: list[int],
               scope: Scope) -> list[Occurrence]:
        first = self._first.get(id(scope))
        if first is None:
            return []
        start = bisect_left(places, first)
        stop = bisect_left(places, self._end[id(scope)], start)
        return reads[start:stop]
