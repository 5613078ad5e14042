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
coroutine is a method of the holder's class, run on `self`, whose body is a `try` that stores
`None` into that attribute of `self` in its `finally` at the `finally`'s own level (so on every
way out of the coroutine: `self.job = None`). A reset at the end of the body, not in a
`finally`, is skipped by an error: no discharge.
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
from taskleak.analysis.tree.nodes import is_none
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


def letting_go(sp: Spawn, reads: Sequence[Occurrence], cls: Scope | None, attribute: str) -> str:
    """How the attribute lets go of the task once it ends ("let go by its done-callback
    _forget() once it ends", "let go in the `finally` of _drive() once it ends"), or ""."""
    callback = reset_by(reads, cls, attribute)
    if callback:
        return f"let go by its done-callback {callback}() once it ends"
    own = reset_in_its_finally(sp, cls, attribute)
    return f"let go in the `finally` of {own}() once it ends" if own else ""


def reset_in_its_finally(sp: Spawn, cls: Scope | None, attribute: str) -> str:
    """The name of the spawned coroutine, a method of `cls` run on `self`, whose `finally`
    stores `None` into `attribute` of `self` on every way out; "" otherwise."""
    args = sp.site.args
    call = args[0].value if args else None
    method = sp.site.scope.method()
    if cls is None or method is None or not method.self_name or not isinstance(call, cst.Call) \
            or not isinstance(call.func, cst.Attribute) \
            or not isinstance(call.func.value, cst.Name) \
            or call.func.value.value != method.self_name:
        return ""
    coroutine = next((m for m in cls.children if m.name == call.func.attr.value
                      and isinstance(m.node, cst.FunctionDef) and m.is_async), None)
    if coroutine is None or not coroutine.self_name:
        return ""
    node = coroutine.node
    assert isinstance(node, cst.FunctionDef)
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    finals = [b.finalbody.body.body for b in body
              if isinstance(b, cst.Try) and b.finalbody is not None
              and isinstance(b.finalbody.body, cst.IndentedBlock)]
    me = coroutine.self_name
    return coroutine.name if any(
        _resets(stmt, me, attribute) for final in finals for stmt in final) else ""


def _resets(stmt: cst.BaseStatement, me: str, attribute: str) -> bool:
    """`me.attribute = None` as a statement of its own."""
    if not isinstance(stmt, cst.SimpleStatementLine):
        return False
    return any(isinstance(small, cst.Assign) and is_none(small.value) and any(
        isinstance(t.target, cst.Attribute) and t.target.attr.value == attribute
        and isinstance(t.target.value, cst.Name) and t.target.value.value == me
        for t in small.targets) for small in stmt.body)
