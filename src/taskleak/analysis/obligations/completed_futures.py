"""A future the task's done-callback completes, awaited where the task was spawned: a join.

    future = loop.create_future()
    task = asyncio.ensure_future(runner())

    def on_done(task):
        if not future.done():
            future.set_result(task)

    task.add_done_callback(on_done)
    await future

The callback (a function nested in the spawning function, or a lambda) completes `future`, a
name of the spawning function, with `set_result(...)`/`set_exception(...)`; once the task is
done it runs, so the `await future` after it waits for the task's end, as `await task` would.
Read off the callback's own nodes and the spawning function's reads: `Ownership` counts each
such `await` of the future as an await of the task (`awaited_through`).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.tree.dests import Flow, Waited
from taskleak.analysis.tree.scopes import Occurrence, Scope, ScopeKind
from taskleak.analysis.tree.walk import descendants

_COMPLETES = frozenset({"set_result", "set_exception"})


def awaited_through(occ: Occurrence, eff: Effects, place: str) -> None:
    """For `task.add_done_callback(cb)` at `occ`: the awaits of the future `cb` completes, after
    the call in the spawning function (`place`), are awaits of the task, "in start() through
    `future`, which its done-callback on_done() completes"."""
    text, awaits = _completed_and_awaited(occ)
    if awaits:
        eff.awaited(f"{place} through {text}", Waited.AWAIT)
        eff.await_reads += awaits


def _completed_and_awaited(occ: Occurrence) -> tuple[str, list[Occurrence]]:
    call = occ.dest.call
    fn = occ.scope.function()
    if call is None or not call.args or fn is None:
        return "", []
    callback = call.args[0].value
    body, shown = _callback_body(callback, fn)
    if body is None:
        return "", []
    completed = {name for name in _completed(body) if name in fn.bindings}
    awaits = [o for o in fn.occurrences  # (not in the functions it defines: they run later)
              if o.key in completed and o.dest.kind is Flow.AWAITED and o.seq > occ.seq]
    # (the walks of the whole function last: most callbacks complete nothing awaited there)
    if not awaits or (isinstance(callback, cst.Name) and _named(fn, callback.value) > 1):
        return "", []  # or called back by something else too (`loop.call_later(t, on_done)`)
    elsewhere = _completed(fn.node, skip=body)  # completed by this callback only
    awaits = [o for o in awaits if o.key not in elsewhere]
    if not awaits:
        return "", []
    return f"`{awaits[0].key}`, which its done-callback {shown} completes", awaits


def _callback_body(callback: cst.BaseExpression, fn: Scope
                   ) -> tuple[cst.CSTNode | None, str]:
    """The body of the callback and how it is shown: a lambda, or a function defined in `fn`."""
    if isinstance(callback, cst.Lambda):
        return callback.body, "(a lambda)"
    if not isinstance(callback, cst.Name):
        return None, ""
    inner = next((c.node for c in fn.children if c.kind is ScopeKind.FUNCTION
                  and c.name == callback.value and isinstance(c.node, cst.FunctionDef)), None)
    if not isinstance(inner, cst.FunctionDef):
        return None, ""
    return inner.body, f"{inner.name.value}()"


def _completed(body: cst.CSTNode, skip: cst.CSTNode | None = None) -> set[str]:
    """The names whose `set_result(...)`/`set_exception(...)` the body calls (outside
    `skip`)."""
    inside = {id(n) for n in descendants(skip)} if skip is not None else set()
    return {n.func.value.value for n in descendants(body)
            if id(n) not in inside and isinstance(n, cst.Call)
            and isinstance(n.func, cst.Attribute) and n.func.attr.value in _COMPLETES
            and isinstance(n.func.value, cst.Name)}


def _named(fn: Scope, name: str) -> int:
    """How often `fn`'s body reads `name` (its `def` aside)."""
    count = 0
    for n in descendants(fn.node):
        if isinstance(n, cst.Name) and n.value == name:
            count += 1
        elif isinstance(n, cst.FunctionDef) and n.name.value == name:
            count -= 1  # the `def`'s own name node, counted above
    return count
