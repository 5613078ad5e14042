"""Would awaiting the spawned coroutine hold up the caller that spawned it? (two of the await
fix's refusals; the third, a method that ends its own task, is `own_holder`)

- A delayed start. discord.py 2.7.1's `Message.delete(delay=...)` spawns `delete(delay)`,
  whose first step is `await asyncio.sleep(delay)`, and returns at once; awaited, the caller
  would wait out the whole delay. Refused when the coroutine, defined in this module, starts by
  sleeping for a time that is not a constant (a parameter, an attribute): a constant is the
  author's own short pause.
- A wait for a later callback. python-engineio 4.15.1's tornado handler spawns, in `open()`,
  the handling of the connection, which waits on `self.receive_queue.get()`; only
  `on_message()` and `on_close()` put into that queue, and tornado calls them only once
  `open()` has returned: awaited, `open()` never returns. Refused when the awaited method of
  `self` (or one it calls, a few calls deep), or any method of `self` when `self` is handed to
  the coroutine, waits on `self.X.get()` or `self.X.wait()`, and only other methods of the class
  feed `self.X` (`put`, `put_nowait`, `set`): not the spawning method, not `__init__`, not the
  awaited ones.

Only the module's own code is read, as written: a queue fed from another object or module is
not followed.
"""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from taskleak.analysis.tree.nodes import callee_text
from taskleak.analysis.tree.scopes import Scope, ScopeKind
from taskleak.fixes.own_holder import MAX_DEPTH, self_method
from taskleak.records import record

SLEEPS = frozenset({"asyncio.sleep", "sleep", "anyio.sleep", "trio.sleep"})
WAITS = frozenset({"get", "wait"})  # asyncio.Queue.get(), asyncio.Event.wait()
FEEDS = frozenset({"put", "put_nowait", "set"})
EARLY = "__init__"  # runs before any method: what it feeds is there already


def _nodes(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    todo = [node]
    while todo:
        node = todo.pop()
        yield node
        todo.extend(reversed(node.children))


def _first_step(fn: cst.FunctionDef) -> cst.BaseExpression | None:
    """The value of the function's first statement (after its docstring), if an expression."""
    body = fn.body.body if isinstance(fn.body, cst.IndentedBlock) else (fn.body,)
    for stmt in body:
        if not isinstance(stmt, cst.SimpleStatementLine) or not isinstance(stmt.body[0],
                                                                            cst.Expr):
            return None
        value = stmt.body[0].value
        if not isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
            return value
    return None


def delayed_start(target: Scope | None) -> str | None:
    """Why awaiting a call of `target` would make its caller wait: it starts by sleeping for a
    time the caller decides."""
    if target is None or not target.is_async or not isinstance(target.node, cst.FunctionDef):
        return None
    step = _first_step(target.node)
    if not isinstance(step, cst.Await) or not isinstance(step.expression, cst.Call):
        return None
    call = step.expression
    if callee_text(call.func) not in SLEEPS or not call.args \
            or isinstance(call.args[0].value, (cst.Integer, cst.Float)):
        return None
    delay = cst.Module([]).code_for_node(call.args[0].value)
    return (f"{target.name}() first sleeps for {delay}: awaited, the caller would wait that "
            "long instead of going on at once")


@record(frozen=True)
class _Method:
    """What one method of the class does with its own attributes."""

    waits: tuple[tuple[str, str], ...]  # (X, "get") of `await self.X.get()`
    feeds: frozenset[str]  # X of `self.X.put(...)`
    calls: tuple[str, ...]  # m of `self.m(...)`


def _attr_of(node: cst.BaseExpression, self_name: str) -> str | None:
    """X of `self.X`."""
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) \
            and node.value.value == self_name:
        return node.attr.value
    return None


def _read(method: Scope, self_name: str) -> _Method:
    waits: list[tuple[str, str]] = []
    feeds: set[str] = set()
    calls: list[str] = []
    for node in _nodes(method.node):
        if isinstance(node, cst.Await) and isinstance(node.expression, cst.Call):
            func = node.expression.func
            if isinstance(func, cst.Attribute) and func.attr.value in WAITS:
                held = _attr_of(func.value, self_name)
                if held is not None:
                    waits.append((held, func.attr.value))
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            fed = _attr_of(node.func.value, self_name)
            if fed is not None and node.func.attr.value in FEEDS:
                feeds.add(fed)
            called = self_method(node, self_name)
            if called is not None:
                calls.append(called)
    return _Method(tuple(waits), frozenset(feeds), tuple(calls))


def _reached(methods: dict[str, _Method], first: str) -> list[str]:
    """`first` and the methods of `self` it calls, a few calls deep, in that order."""
    order: list[str] = []
    todo = [(first, 0)]
    while todo:
        name, depth = todo.pop(0)
        if name in order or name not in methods:
            continue
        order.append(name)
        if depth < MAX_DEPTH:
            todo.extend((called, depth + 1) for called in methods[name].calls)
    return order


def waits_for_a_callback(scope: Scope, coro: cst.BaseExpression) -> str | None:
    """Why awaiting `coro` in the method `scope` would wait on what only a later call of
    another method of the class delivers."""
    method, cls = scope.method(), scope.enclosing_class()
    if method is None or cls is None or method.self_name is None \
            or not isinstance(coro, cst.Call):
        return None
    me = method.self_name
    methods = {c.name: _read(c, c.self_name) for c in cls.children
               if c.kind is ScopeKind.FUNCTION and c.self_name is not None}
    awaited = self_method(coro, me)
    handed = any(isinstance(a.value, cst.Name) and a.value.value == me for a in coro.args)
    if awaited is not None:
        reached = _reached(methods, awaited)
        own = {method.name, EARLY, *reached}
    elif handed:
        reached = sorted(set(methods) - {method.name})
        own = {method.name, EARLY}
    else:
        return None
    for waiter in reached:
        for held, verb in methods[waiter].waits:
            feeders = sorted(name for name, m in methods.items() if held in m.feeds)
            if not feeders or own.intersection(feeders) or waiter in feeders:
                continue
            who = " and ".join(f"{name}()" for name in feeders)
            where = f"self.{held}.{verb}(), fed only by {who}: awaited in {method.name}(), " \
                    f"it would wait for a call that may come only once {method.name}() " \
                    "has returned"
            if awaited is None:
                return f"{callee_text(coro.func)}() is given {me}, whose {waiter}() waits on " \
                       + where
            via = "" if waiter == awaited else f" (through {waiter}())"
            return f"{awaited}(){via} waits on " + where
    return None
