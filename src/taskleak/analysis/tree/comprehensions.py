"""Which names a comprehension binds for itself: its `for` targets live in the
comprehension's own scope (Python 3), so a read of such a name inside it is a read of the
comprehension's variable, not of a local of the same name around it (`[spawn(t) for t in
coros]` before a later `for t in pending: t.cancel()`). Only the outermost iterable is read in
the enclosing scope. A part of the one walk (`scan.Scanner` inherits it)."""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.nodes import bound_names


def comprehension_of(stack: list[cst.CSTNode], j: int) -> int:
    """The place in `stack` of the comprehension whose `for` is stack[j] (a `CompFor`): the
    node above its chain of `for`s."""
    while j > 0 and type(stack[j - 1]) is cst.CompFor:
        j -= 1
    return j - 1


def copies_its_elements(comp: cst.CSTNode) -> bool:
    """`[t for t in ts]`, `{t for t in ts if not t.done()}`: one `for`, whose target is what
    the comprehension gives: its value holds the iterable's own elements (a filtered copy)."""
    if type(comp) not in (cst.ListComp, cst.SetComp, cst.GeneratorExp):
        return False
    loop: cst.CompFor = comp.for_in  # type: ignore[attr-defined]
    elt = comp.elt  # type: ignore[attr-defined]
    return loop.inner_for_in is None and isinstance(elt, cst.Name) \
        and isinstance(loop.target, cst.Name) and elt.value == loop.target.value


class ComprehensionScan:
    """The comprehensions around the walk's place, innermost last: (id, names its `for`s
    bind, its outermost iterable)."""

    stack: list[cst.CSTNode]

    def __init__(self) -> None:
        super().__init__()
        self._comprehensions: list[tuple[int, frozenset[str], cst.BaseExpression]] = []

    def _enter_comprehension(self, node: cst.CSTNode) -> None:
        first: cst.CompFor = node.for_in  # type: ignore[attr-defined]
        names: set[str] = set()
        loop: cst.CompFor | None = first
        while loop is not None:
            names.update(bound_names(loop.target, starred=True))
            loop = loop.inner_for_in
        self._comprehensions.append((id(node), frozenset(names), first.iter))

    def _leave_comprehension(self, node: cst.CSTNode) -> None:
        self._comprehensions.pop()

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = _enter_comprehension
    leave_ListComp = leave_SetComp = leave_GeneratorExp = leave_DictComp = _leave_comprehension

    def binding_comprehension(self, key: str) -> int:
        """The id of the innermost comprehension around the current node that binds the head
        of `key` for this read (0: a read of the enclosing scope's name). A read in a
        comprehension's outermost iterable belongs to the scope around it."""
        head = key.partition(".")[0]
        for cid, names, outer in reversed(self._comprehensions):
            if head in names and not any(n is outer for n in self.stack):
                return cid
        return 0
