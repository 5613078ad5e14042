"""Facts the scan reads off the walk's stack of nodes: whether a name is read, which loops
repeat a node, which statement holds it. Kept apart from `scan.py`, which decides what to
record; both work on `Walker.stack` during the one walk."""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.nodes import (
    DEFINING_PARENTS,
    LOOP_TYPES,
    TARGET_CONTAINERS,
    TARGET_HOLDERS,
    dotted,
    exit_word,
)
from taskleak.analysis.tree.walk import Walker


class StackWalker(Walker):
    """A `Walker` that knows which nodes open a scope (`_scope_nodes`, filled by the
    subclass), so stack facts stop at the current scope."""

    def __init__(self) -> None:
        super().__init__()
        self._scope_nodes: set[int] = set()
        # (the node at stack[k + 2], the loops of `_outer_loops(k)`) per position k
        self._loops_memo: list[tuple[cst.CSTNode, tuple[int, ...]]] = []
        # (the node at stack[m], its innermost statement) per position m
        self._statement_memo: list[tuple[cst.CSTNode, cst.CSTNode]] = []
        # loops that go round only when an attempt fails (`until_success`): they repeat nothing
        self._retry_loops: set[int] = set()
        self.loop_steps = 0  # positions computed, for the guard test
        self.statement_steps = 0

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
        if kind is cst.Param:  # its name defines; its default is read (`_tasks=tasks`)
            return parent.default is node  # type: ignore[union-attr]
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

    # Speed trick (one place): the loops and the statement around a node are read off the stack
    # for every name read and every call. Climbing the whole stack each time was quadratic in
    # the depth (a 5,000-term sum: 5,000 reads, each under a 5,000-deep stack; 6.5 s of a
    # 10 s check). Both are memoised per stack position, keyed by the node one or two levels
    # below (a node fixes every node above it), so each position is computed once per node
    # that passes through it. `tests/analysis/test_cliffs.py` counts the steps.

    def _loops(self, i: int) -> tuple[int, ...]:
        """Ids of the loops around stack[i] whose body repeats it, up to the scope's node,
        innermost first."""
        if i < 1:
            return ()
        stack = self.stack
        parent = stack[i - 1]
        kind = type(parent)
        if kind not in LOOP_TYPES:
            if id(parent) in self._scope_nodes:
                return ()
            near: tuple[int, ...] = ()
        elif (kind is cst.For and parent.iter is stack[i]  # type: ignore[attr-defined]
              ) or id(parent) in self._retry_loops:
            near = ()
        else:  # a `while`, a `for`'s body or target, a comprehension's own `for`
            near = (id(parent),)
        return near + self._outer_loops(i - 2)

    def _outer_loops(self, k: int) -> tuple[int, ...]:
        """The loops at stack[k] and above that repeat everything two or more levels below
        stack[k] along the current stack (memoised per position, keyed by stack[k + 2])."""
        if k < 0:
            return ()
        stack = self.stack
        memo = self._loops_memo
        del memo[k + 1:]  # deeper entries belong to nodes already left or about to change
        j = k
        while j >= 0 and not (j < len(memo) and memo[j][0] is stack[j + 2]):
            j -= 1
        value = memo[j][1] if j >= 0 else ()
        del memo[j + 1:]
        for m in range(j + 1, k + 1):
            node = stack[m]
            kind = type(node)
            self.loop_steps += 1
            if kind not in LOOP_TYPES:
                if id(node) in self._scope_nodes:
                    value = ()
            else:
                child = stack[m + 1]
                if kind is cst.For:
                    own = node.iter is not child  # type: ignore[attr-defined]
                elif kind is cst.While:
                    own = True
                else:  # a comprehension: its outermost iterable is evaluated once
                    outer: cst.CompFor = node.for_in  # type: ignore[attr-defined]
                    own = not (child is outer and stack[m + 2] is outer.iter)
                if own and id(node) not in self._retry_loops:
                    value = (id(node), *value)
            memo.append((stack[m + 2], value))
        return value

    def _statement(self, i: int) -> cst.CSTNode:
        """The innermost statement above stack[i] (the module when there is none)."""
        stack = self.stack
        memo = self._statement_memo
        if not memo or memo[0][0] is not stack[0]:
            memo[:] = [(stack[0], stack[0])]
        j = min(i, len(memo) - 1)
        while memo[j][0] is not stack[j]:  # memo[0] matches
            j -= 1
        found = memo[j][1]
        del memo[j + 1:]
        for m in range(j + 1, i + 1):
            self.statement_steps += 1
            parent = stack[m - 1]
            if isinstance(parent, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
                found = parent
            memo.append((stack[m], found))
        return found


def left_only_on_cancel(stack: list[cst.CSTNode], through_loops: bool) -> bool:
    """The `break` (or, `through_loops`, the `return`) on top of `stack` sits in an `except`
    that catches only a cancellation (`except asyncio.CancelledError: break`), inside the loop
    it leaves (the innermost one; any, for a `return`) and its function: the loop is left that
    way only when it is cancelled, which ends it as surely as having no way out (the RUBRIC's
    "no way out but a cancel"). Near miss: `except Exception: break`, an error of its own work,
    which may be how it finishes (a reader whose connection closed)."""
    for node in reversed(stack):
        if isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            return False
        if isinstance(node, (cst.For, cst.While)) and not through_loops:
            return False
        if isinstance(node, cst.ExceptHandler):
            return node.type is not None and _cancel_only(node.type)
    return False


def _cancel_only(caught: cst.BaseExpression) -> bool:
    """`CancelledError`, `asyncio.CancelledError`, or a tuple of only those."""
    items = [e.value for e in caught.elements] if isinstance(caught, cst.Tuple) else [caught]
    return bool(items) and all(
        (dotted(e) or "").rpartition(".")[2] == "CancelledError" for e in items)


def until_success(body: cst.BaseSuite) -> bool:
    """A retry loop's body: it ends with `break` or `return`, or with a `try` whose body or
    `else` does (`while True: try: await connect(); break / except OSError: await sleep(1)`):
    the loop goes round again only when an attempt fails, so what it runs is not repeated."""
    stmts = body.body if isinstance(body, cst.IndentedBlock) else ()
    if not stmts:
        return False
    last = stmts[-1]
    if isinstance(last, cst.Try):
        return _leaves(last.body) or (last.orelse is not None and _leaves(last.orelse.body))
    return _leaves(body)


def _leaves(block: cst.BaseSuite) -> bool:
    return isinstance(block, cst.IndentedBlock) and exit_word(block) in ("break", "return")
