"""A spawn behind a test of its object's state, on a path that leaves that state first.

`case GroupStatus() if self._state == State.INIT_GROUP_STATUS:` ... `self._state =
State.CONNECTED`; `self._poller = create_task(...)`: the handler runs per message, but it
reaches the spawn only while the state is INIT_GROUP_STATUS, and the spawn's own path sets
another state first. It runs again only when something sets that state back. So the spawn
repeats only as often as the writes of that state do (`armed_once`): each write of
`self._state = K` in the class is either in a method that runs once (no caller runs it again:
`Lifecycle.of`) outside any test of the state, or behind a test of another state K' whose own
writes are so, in turn (a chain of states a connection goes through, started once). A write in
a method that runs again outside such a test, a cycle of states, or a write behind a test the
chain does not reach, arms it again: no guard then.

Only the tests and assignments of the class's own methods are read (one walk of each, when a
spawn sits behind such a test: rare).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.frequency.lifecycle import Lifecycle
from taskleak.analysis.tree.nodes import NESTED_DEFINITIONS, code_of, dotted
from taskleak.analysis.tree.scopes import CallSite, Scope, ScopeKind
from taskleak.analysis.tree.walk import children

# a state test: (the attribute as written, "self._state"; the state's code)
_Test = tuple[str, str]


def state_guard(site: CallSite, lifecycle: Lifecycle) -> str:
    """"`self._state == State.INIT_GROUP_STATUS`" when the spawn at `site`, in a method of
    a class, sits behind that test, its path sets the attribute to another state before it,
    and the state is set back only along chains that start where the class runs once; ""
    otherwise."""
    method = site.scope.method()
    me = method.self_name if method is not None else None
    cls = method.parent if method is not None else None
    if me is None or cls is None or cls.kind is not ScopeKind.CLASS:
        return ""
    for attr, state in _state_tests(site.path, me):
        if _left_before(site.path, attr, state) and _armed_once(
                cls, me, attr, state, lifecycle, frozenset({state})):
            return f"`{attr} == {state}`"
    return ""


def _state_tests(path: tuple[cst.CSTNode, ...], me: str) -> list[_Test]:
    """The tests `self.x == K` (K a name or a dotted name, not of `self`) the last node of
    `path` sits behind: an `if` around it, or the guard of a `case` around it."""
    out: list[_Test] = []
    for k in range(len(path) - 1, 0, -1):
        parent, child = path[k - 1], path[k]
        if isinstance(parent, NESTED_DEFINITIONS):
            break
        test = parent.test if isinstance(parent, cst.If) and child is parent.body else \
            parent.guard if isinstance(parent, cst.MatchCase) and child is parent.body else None
        if test is not None:
            out += _compared(test, me)
    return out


def _compared(test: cst.BaseExpression, me: str) -> list[_Test]:
    """`self.x == K` in `test` (alone, or a part of an `and`)."""
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return _compared(test.left, me) + _compared(test.right, me)
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1 \
            or not isinstance(test.comparisons[0].operator, cst.Equal):
        return []
    left, right = test.left, test.comparisons[0].comparator
    for attr, state in ((left, right), (right, left)):
        name, value = dotted(attr), dotted(state)
        if name is not None and value is not None and name.startswith(f"{me}.") \
                and name.count(".") == 1 and not value.startswith(f"{me}."):
            return [(name, code_of(state))]
    return []


def _left_before(path: tuple[cst.CSTNode, ...], attr: str, state: str) -> bool:
    """An earlier statement of a block the spawn sits in sets `attr` to another state."""
    for k in range(len(path) - 1, 0, -1):
        block, child = path[k - 1], path[k]
        if isinstance(block, NESTED_DEFINITIONS):
            return False
        if not isinstance(block, cst.IndentedBlock):
            continue
        for stmt in block.body:
            if stmt is child:
                break
            value = _assigned(stmt, attr)
            if value is not None and value != state:
                return True
    return False


def _assigned(stmt: cst.CSTNode, attr: str) -> str | None:
    """The code of the value `stmt` (`self.x = V`) assigns to `attr`, if it does."""
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    small = stmt.body[0]
    if not isinstance(small, cst.Assign) or len(small.targets) != 1 \
            or dotted(small.targets[0].target) != attr:
        return None
    return code_of(small.value)


def _armed_once(cls: Scope, me: str, attr: str, state: str, lifecycle: Lifecycle,
                seen: frozenset[str]) -> bool:
    """Every write of `attr = state` in `cls`'s methods is in a method that runs once, outside
    any test of `attr`, or behind a test of another state armed so in turn (`seen`: the
    states of the chain so far; a cycle arms it again). At least one write."""
    writes = [(m, tests) for m in cls.children if m.kind is ScopeKind.FUNCTION
              and isinstance(m.node, cst.FunctionDef)
              for tests in _writes(m.node.body, me, attr, state, ())]
    for method, tests in writes:
        before = [s for a, s in tests if a == attr]
        if not before:
            if lifecycle.of(method).repeats:
                return False
        elif before[-1] in seen or not _armed_once(
                cls, me, attr, before[-1], lifecycle, seen | {before[-1]}):
            return False
    return bool(writes)


def _writes(node: cst.CSTNode, me: str, attr: str, state: str, tests: tuple[_Test, ...]
            ) -> list[tuple[_Test, ...]]:
    """For each `attr = state` under `node` (a method's body; not in nested definitions), the
    state tests it sits behind, outermost first."""
    out: list[tuple[_Test, ...]] = []
    if _assigned(node, attr) == state:
        out.append(tests)
    for child in children(node):
        if isinstance(child, NESTED_DEFINITIONS):
            continue
        inner = tests
        if isinstance(node, cst.If) and child is node.body:
            inner = tests + tuple(_compared(node.test, me))
        elif isinstance(node, cst.MatchCase) and child is node.body and node.guard is not None:
            inner = tests + tuple(_compared(node.guard, me))
        out += _writes(child, me, attr, state, inner)
    return out
