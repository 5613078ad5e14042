"""Facts the scan reads off the walk's stack of nodes: whether a name is read, which loops
repeat a node, which statement holds it. Kept apart from `scan.py`, which decides what to
record; both work on `Walker.stack` during the one walk."""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.nodes import (
    DEFINING_PARENTS,
    LOOP_TYPES,
    TARGET_CONTAINERS,
    TARGET_HOLDERS,
)
from taskleak.analysis.walk import Walker


class StackWalker(Walker):
    """A `Walker` that knows which nodes open a scope (`_scope_nodes`, filled by the
    subclass), so stack facts stop at the current scope."""

    def __init__(self) -> None:
        super().__init__()
        self._scope_nodes: set[int] = set()

    def _is_load(self, i: int) -> bool:
        """Whether stack[i] (a Name or Attribute) is read here (not a target or a label)."""
        stack = self.stack
        node = stack[i]
        parent = stack[i - 1] if i > 0 else None
        kind = type(parent)  # exact types, like trace()
        if kind is cst.Attribute:
            return parent.value is node  # type: ignore[union-attr]  # `.attr` is a label
        if kind is cst.Arg:
            return parent.keyword is not node  # type: ignore[union-attr]
        if kind in DEFINING_PARENTS:
            return False
        # climb through tuple/list/starred targets
        j = i
        child = node
        while j > 0 and type(stack[j - 1]) in TARGET_CONTAINERS:
            j -= 1
            child = stack[j]
        holder = stack[j - 1] if j > 0 else None
        if type(holder) in TARGET_HOLDERS:
            return holder.target is not child  # type: ignore[union-attr]
        return type(holder) is not cst.Del

    def _loops(self, i: int) -> tuple[int, ...]:
        """Ids of the loops around stack[i] whose body repeats it, up to the scope's node."""
        stack = self.stack
        out: list[int] = []
        child = stack[i]
        for j in range(i - 1, -1, -1):
            node = stack[j]
            kind = type(node)
            if kind not in LOOP_TYPES:
                if id(node) in self._scope_nodes:
                    break
                child = node
                continue
            if kind is cst.For:
                if node.iter is not child:  # type: ignore[attr-defined]
                    out.append(id(node))
            elif kind is cst.While:
                out.append(id(node))
            else:  # a comprehension: its outermost iterable is evaluated once
                outer: cst.CompFor = node.for_in  # type: ignore[attr-defined]
                once = child is outer and j + 2 <= i and stack[j + 2] is outer.iter
                if not once:
                    out.append(id(node))
            child = node
        return tuple(out)

    def _statement(self, i: int) -> cst.CSTNode:
        for j in range(i - 1, -1, -1):
            node = self.stack[j]
            if isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
                return node
        return self.stack[0]
