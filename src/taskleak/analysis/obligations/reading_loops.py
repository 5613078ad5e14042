"""A coroutine whose loops read one object of its own, and end when that object is closed.

`async def _read(self): async for msg in self._ws: ...` (or `while True: msg = await
self._ws.recv()`): when the owner's close closes `self._ws`, the iteration stops or the read
raises, and nothing in the loop catches that and goes round again, so the task ends. The
question `object_stops.py` asks one object further than the spawned call's receiver.

The exact condition, each part a way the loop could outlive the close:
- every outermost loop of the function reads the object: an `async for` over it (or over what
  a method of it gives), or a `while` whose body awaits a method of it; a loop inside one of
  them is a `for` over something finite (a nested `while`, or an outer loop around the reading
  one, would start again on the closed object);
- no `try` whose body holds that read has a handler that can fall through (one that does not
  end in `break`, `return` or `raise` would catch the close's error and read again);
- the function never stores the attribute (a reconnect binds a new object to it);
- no loop calls a method of `self` that leads back to the method that spawned the task (a
  reader that restarts its session when the read fails starts a new reader: the close ends
  this task only to make another).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.walk import children, descendants

_LOOPS = (cst.While, cst.For)
_LEAVING = (cst.Break, cst.Return, cst.Raise)


def read_until_closed(function: cst.FunctionDef, self_name: str, restarting: set[str]) -> str:
    """The attribute of `self_name` ("_ws") the loops of `function` read until it is closed, as
    the module docstring defines it; "" when `function` has no loop, or a loop that may outlive
    the object's close. `restarting`: the methods of the class that lead to the spawn."""
    outermost = _outermost_loops(function)
    if not outermost:
        return ""
    read = {_read_by(loop, self_name) for loop in outermost}
    if len(read) != 1:
        return ""
    attribute = read.pop()
    if not attribute or _stores(function, f"{self_name}.{attribute}"):
        return ""
    for loop in outermost:
        inner = [n for n in descendants(loop) if isinstance(n, _LOOPS) and n is not loop]
        if any(not isinstance(n, cst.For) or n.asynchronous is not None for n in inner):
            return ""
        if _caught_and_read_again(loop, f"{self_name}.{attribute}") \
                or self_calls(loop, self_name) & restarting:
            return ""
    return attribute


def self_calls(node: cst.CSTNode, self_name: str) -> set[str]:
    """The methods of `self` called under `node` (`self._restart()`: "_restart")."""
    return {n.func.attr.value for n in descendants(node) if isinstance(n, cst.Call)
            and isinstance(n.func, cst.Attribute) and isinstance(n.func.value, cst.Name)
            and n.func.value.value == self_name}


def leading_to(methods: dict[str, tuple[cst.CSTNode, str]], name: str) -> set[str]:
    """The names of `methods` (name: its node and `self` name) whose calls of other methods
    of `self` lead to method `name`, itself included."""
    calls = {m: self_calls(node, own) for m, (node, own) in methods.items()}
    out = {name}
    grew = True
    while grew:
        grew = False
        for m, called in calls.items():
            if m not in out and called & out:
                out.add(m)
                grew = True
    return out


def _outermost_loops(function: cst.FunctionDef) -> list[cst.While | cst.For]:
    """The loops of `function`'s own body (not of a function nested in it) that no loop holds."""
    out: list[cst.While | cst.For] = []
    todo: list[cst.CSTNode] = [function.body]
    while todo:
        node = todo.pop()
        if isinstance(node, _LOOPS):
            out.append(node)
        elif not isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            todo.extend(children(node))
    return out


def _read_by(loop: cst.While | cst.For, self_name: str) -> str:
    """The attribute of `self` the loop reads: its `async for` iterates it (or what a method of
    it gives), or, for a `while`, its body awaits a method of it; "" when none."""
    if isinstance(loop, cst.For):
        if loop.asynchronous is None:
            return ""
        iterated = loop.iter.func if isinstance(loop.iter, cst.Call) else loop.iter
        if isinstance(iterated, cst.Attribute) and isinstance(loop.iter, cst.Call):
            iterated = iterated.value
        return own_attribute(iterated, self_name)
    reads = {own_attribute(n.expression.func.value, self_name) for n in descendants(loop.body)
             if isinstance(n, cst.Await) and isinstance(n.expression, cst.Call)
             and isinstance(n.expression.func, cst.Attribute)}
    reads.discard("")
    return reads.pop() if len(reads) == 1 else ""


def own_attribute(node: cst.BaseExpression, self_name: str) -> str:
    """"_ws" for `self._ws`, else ""."""
    base, _, attr = (dotted(node) or "").partition(".")
    return attr if base == self_name and attr and "." not in attr else ""


def _stores(function: cst.FunctionDef, key: str) -> bool:
    """`function` binds `key` (`self._ws = await connect()`)."""
    for node in descendants(function):
        targets: list[cst.BaseExpression] = []
        if isinstance(node, cst.Assign):
            targets = [t.target for t in node.targets]
        elif isinstance(node, (cst.AnnAssign, cst.AugAssign)):
            targets = [node.target]
        elif isinstance(node, (cst.WithItem, cst.For)):
            targets = [t.name for t in [node.asname] if t is not None] \
                if isinstance(node, cst.WithItem) else [node.target]
        if any(dotted(t) == key for t in targets):
            return True
    return False


def _caught_and_read_again(loop: cst.While | cst.For, key: str) -> bool:
    """A `try` in the loop whose body awaits a method of `key` has a handler that can fall
    through (the close's error caught, and the loop goes round)."""
    for node in descendants(loop):
        if not isinstance(node, cst.Try) or not any(
                isinstance(n, cst.Await) and isinstance(n.expression, cst.Call)
                and isinstance(n.expression.func, cst.Attribute)
                and dotted(n.expression.func.value) == key for n in descendants(node.body)):
            continue
        for handler in node.handlers:
            last = handler.body.body[-1] if handler.body.body else None
            small = last.body[-1] if isinstance(last, cst.SimpleStatementLine) and last.body \
                else None
            if not isinstance(small, _LEAVING):
                return True
    return False
