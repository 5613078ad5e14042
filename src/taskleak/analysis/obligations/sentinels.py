"""A coroutine's loop that another method of its class ends with a sentinel on a queue.

`item = await self._queue.get()` followed by `if item is None: break` (or `return`, or a
named sentinel: `if item is STOP:`), and a method of the same class (not `__init__`) that
puts that sentinel on that queue (`self._queue.put_nowait(None)`): a cooperative shutdown
path, like a flag the loop tests (`lifetimes.stopped_on_signal`). Read from the coroutine's
own node only when a kept task would otherwise be called never ended: rare, so no scan fact.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import INIT_METHODS
from taskleak.analysis.tree.walk import descendants

_GETS = frozenset({"get", "get_nowait"})
_PUTS = frozenset({"put", "put_nowait"})


def sentinel_stopper(target: Scope, cls: Scope) -> tuple[Scope, str] | None:
    """(the method that puts the sentinel, "a None on self._queue") when `target`'s loop
    leaves on a sentinel read from a queue of `self` that that method puts; else None."""
    if not target.self_name or not isinstance(target.node, cst.FunctionDef):
        return None
    for queue, sentinel in _leaves_on(target.node, target.self_name):
        for method in cls.children:
            if method is target or method.kind is not ScopeKind.FUNCTION \
                    or method.name in INIT_METHODS or not method.self_name:
                continue
            if _puts(method, f"{method.self_name}.{queue}", sentinel):
                return method, f"a {sentinel} on {target.self_name}.{queue}"
    return None


def _leaves_on(fn: cst.FunctionDef, self_name: str) -> list[tuple[str, str]]:
    """(queue attribute, sentinel) for each `x = await self.queue.get()` of `fn` whose `x` a
    later `if x is SENTINEL:` (or `==`) leaves the loop or the function on."""
    nodes = list(descendants(fn))
    read: dict[str, str] = {}  # local -> the queue attribute it was read from
    for node in nodes:
        if isinstance(node, cst.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0].target, cst.Name):
            queue = _got_from(node.value, self_name)
            if queue:
                read[node.targets[0].target.value] = queue
    out = []
    for node in nodes if read else ():
        if not isinstance(node, cst.If):
            continue
        compared = _compared(node.test)
        if compared is not None and compared[0] in read and _leaves(node.body):
            out.append((read[compared[0]], compared[1]))
    return out


def _got_from(value: cst.BaseExpression, self_name: str) -> str:
    """"_queue" for `await self._queue.get()` (or `self._queue.get_nowait()`), else ""."""
    call = value.expression if isinstance(value, cst.Await) else value
    if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Attribute) \
            or call.func.attr.value not in _GETS:
        return ""
    base, _, attr = (dotted(call.func.value) or "").partition(".")
    return attr if base == self_name and attr and "." not in attr else ""


def _compared(test: cst.BaseExpression) -> tuple[str, str] | None:
    """("item", "None") for `item is None` / `item == STOP_LOOP` (either way round)."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1 \
            or not isinstance(test.comparisons[0].operator, (cst.Is, cst.Equal)):
        return None
    left, right = test.left, test.comparisons[0].comparator
    for name, sentinel in ((left, right), (right, left)):
        value = dotted(sentinel)
        if isinstance(name, cst.Name) and value is not None and value != name.value:
            return name.value, value
    return None


def _leaves(body: cst.BaseSuite) -> bool:
    """The `if`'s own statements leave the loop or the function (`break`, `return`)."""
    if isinstance(body, cst.SimpleStatementSuite):  # `if item is None: break`
        return any(isinstance(s, (cst.Break, cst.Return)) for s in body.body)
    return any(isinstance(s, (cst.Break, cst.Return)) for line in body.body
               if isinstance(line, cst.SimpleStatementLine) for s in line.body)


def _puts(method: Scope, queue: str, sentinel: str) -> bool:
    """`method` calls `queue.put(sentinel)` or `queue.put_nowait(sentinel)`."""
    return any(
        isinstance(n, cst.Call) and isinstance(n.func, cst.Attribute)
        and n.func.attr.value in _PUTS and dotted(n.func.value) == queue
        and len(n.args) == 1 and dotted(n.args[0].value) == sentinel
        for n in descendants(method.node))
