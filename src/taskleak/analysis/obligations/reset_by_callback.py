"""A discharge: the task's done-callback lets go of the attribute that holds it.

`self._stop_task = spawn(self._stop())` then `self._stop_task.add_done_callback(self._forget)`,
with `_forget` setting `self._stop_task = None` (the pattern taskleak's own safe fix writes, as
`add_done_callback(tasks.discard)` does for a set): the attribute holds the task until it ends,
then holds nothing. Like a collection pruned by its done-callback, that is an end of a task
that ends by itself; a coroutine that never ends by itself (a `while True` with no way out) is
never let go, and still needs a cancel on its owner's end.

The exact condition (`reset_by`): the callback given to `add_done_callback` on the attribute, or
on a local bound to the same task in the spawn's own statement (`self._t = t = spawn(...)`), is a
function of this module (a method of the class through `self`, or a function in scope; or one
of those bound by `functools.partial`, the task its last argument) that stores `None` into that
same attribute of `self`.

The same discharge by the task itself (`reset_in_its_finally`, RUBRIC convention 5): the spawned
coroutine is a method of the spawning method's class, run on `self`, whose body is a `try` whose
`finally` lets go of the holder (`self.job`, or `self._runtime.job` read through `self`) on every
way out of the coroutine: a `self.job = None` at the `finally`'s own level, or inside a `with`
(a lock taken first), or inside `if self.job is task:` with `task = asyncio.current_task()` (on
the other branch the holder holds another task already). A reset at the end of the body, not in
a `finally`, is skipped by an error: no discharge; so is one under any other test.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.obligations.handoffs import partial_function
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import dotted, is_none
from taskleak.analysis.tree.scopes import Occurrence, Scope, defined_function


def reset_by(reads: Sequence[Occurrence], cls: Scope | None, attribute: str) -> str:
    """The name of the done-callback, among the holder's `reads`, that sets `attribute` of
    `cls` back to `None`, or "" (see the module docstring)."""
    if cls is None:
        return ""
    for read in reads:
        given = read.done_callback
        callback = defined_function(partial_function(given, read.scope), read.scope) \
            if given is not None else None
        if callback is not None and _stores_none(cls, attribute, callback):
            return callback.name
    return ""


def _stores_none(cls: Scope, attribute: str, function: Scope) -> bool:
    return any(is_none(value) and scope.within(function)
               for value, scope in cls.attr_bindings.get(attribute, ()))


def same_task_locals(sp: Spawn, ownership: Ownership) -> list[Occurrence]:
    """The reads of the locals the spawn's own statement binds to its task beside a holder
    (`self._t = t = spawn(...)`): `t.add_done_callback(...)` is registered on that task."""
    d = sp.site.dest
    if d.kind is not Flow.BOUND or len(d.targets) < 2:
        return []
    return [o for t in d.targets if isinstance(t, cst.Name)
            for o in ownership.effects(Holder(Keeper.LOCAL, t.value, t.value,
                                              sp.site.scope)).occurrences]


def letting_go(sp: Spawn, reads: Sequence[Occurrence], holder: Holder) -> str:
    """How the attribute lets go of the task once it ends ("let go by its done-callback
    _forget() once it ends", "let go in the `finally` of _drive() once it ends"), or ""."""
    if holder.kind is Keeper.ATTRIBUTE:
        callback = reset_by(reads, holder.scope, holder.name)
        if callback:
            return f"let go by its done-callback {callback}() once it ends"
    own = reset_in_its_finally(sp, holder)
    return f"let go in the `finally` of {own}() once it ends" if own else ""


def reset_in_its_finally(sp: Spawn, holder: Holder) -> str:
    """The name of the spawned coroutine, a method of the spawning method's class run on
    `self`, whose `finally` lets go of the holder (`self.x`, or `self.a.x` read through
    `self`) on every way out (`_lets_go`); "" otherwise."""
    args = sp.site.args
    call = args[0].value if args else None
    method = sp.site.scope.method()
    cls = method.enclosing_class() if method is not None else None
    if cls is None or method is None or not method.self_name \
            or holder.kind not in (Keeper.ATTRIBUTE, Keeper.DOTTED) \
            or not holder.key.startswith(f"{method.self_name}.") \
            or not isinstance(call, cst.Call) or not isinstance(call.func, cst.Attribute) \
            or not isinstance(call.func.value, cst.Name) \
            or call.func.value.value != method.self_name:
        return ""
    coroutine = next((m for m in cls.children if m.name == call.func.attr.value
                      and isinstance(m.node, cst.FunctionDef) and m.is_async), None)
    if coroutine is None or not coroutine.self_name:
        return ""
    node = coroutine.node
    assert isinstance(node, cst.FunctionDef)
    body = _block(node.body)
    target = coroutine.self_name + holder.key[len(method.self_name):]
    current = frozenset(_current_task_locals(body))
    return coroutine.name if any(
        isinstance(b, cst.Try) and b.finalbody is not None
        and _lets_go(_block(b.finalbody.body), target, current) for b in body) else ""


def _block(suite: cst.BaseSuite) -> Sequence[cst.BaseStatement]:
    return suite.body if isinstance(suite, cst.IndentedBlock) else ()


def _lets_go(body: Sequence[cst.BaseStatement], target: str, current: frozenset[str]) -> bool:
    """The statements `body`, run in order, let go of the holder `target` on every path: a
    statement `target = None` of their own; a `with` (a lock taken) whose body does; or an
    `if target is <this task>:` (a local bound to `asyncio.current_task()`) with no `else`,
    whose body does: on its other branch the holder holds another task, not this one. A
    statement that leaves first (`return`, `raise`) ends the search."""
    for stmt in body:
        if isinstance(stmt, cst.SimpleStatementLine):
            if _resets(stmt, target):
                return True
            if any(isinstance(s, (cst.Return, cst.Raise)) for s in stmt.body):
                return False
        elif isinstance(stmt, cst.With) and _lets_go(_block(stmt.body), target, current):
            return True
        elif isinstance(stmt, cst.If) and stmt.orelse is None \
                and _is_this_task(stmt.test, target, current) \
                and _lets_go(_block(stmt.body), target, current):
            return True
    return False


def _current_task_locals(body: Sequence[cst.BaseStatement]) -> list[str]:
    """The names the coroutine's own statements bind to `asyncio.current_task()`."""
    return [t.target.value for stmt in body if isinstance(stmt, cst.SimpleStatementLine)
            for small in stmt.body if isinstance(small, cst.Assign)
            and isinstance(small.value, cst.Call) and not small.value.args
            and dotted(small.value.func) in ("asyncio.current_task", "current_task")
            for t in small.targets if isinstance(t.target, cst.Name)]


def _is_this_task(test: cst.BaseExpression, target: str, current: frozenset[str]) -> bool:
    """`target is task` (either way round), `task` a local bound to the running task."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1 \
            or not isinstance(test.comparisons[0].operator, cst.Is):
        return False
    sides = {dotted(test.left), dotted(test.comparisons[0].comparator)}
    return target in sides and bool(sides & current)


def _resets(stmt: cst.SimpleStatementLine, target: str) -> bool:
    """`target = None` as a statement of its own."""
    return any(isinstance(small, cst.Assign) and is_none(small.value)
               and any(dotted(t.target) == target for t in small.targets)
               for small in stmt.body)
