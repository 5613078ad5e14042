"""A store made once per item a loop receives: per message, not per rare event.

    while True:
        data = await message_queue.get()
        await self._route_message(websocket, client_uid, data)

A loop that waits for something each turn (the target of its `async for`, or a name it binds
from an `await` in its body) and hands it to the call runs the call once per item that
arrives: a message, a frame, a request. A loop that calls without such an item (a reconnect
loop: `while True: await self.connect(); async for raw in ws: ...`) goes round once per rare
event, a dropped link; a `for` over a list it was given handles a batch, not arrivals. A store
under a test of the storing function's parameters (`if assigned: ... else: self._warning =
spawn()`) is made only for some items. The difference grades an overwrite: high once per item,
medium per rare event (issue 69).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.nodes import bound_names
from taskleak.analysis.tree.scopes import BindingKind, Occurrence, Scope
from taskleak.analysis.tree.walk import children


def received_item(call: Occurrence) -> str:
    """The item (a plain name passed to the call read at `call`) that its innermost loop
    waited for in the same turn; "" when there is none."""
    return received_by(call.path)


def received_by(path: tuple[cst.CSTNode, ...]) -> str:
    """`received_item` of the call that is the innermost `Call` of `path`."""
    node = next((n for n in reversed(path) if isinstance(n, cst.Call)), None)
    loop = next((n for n in reversed(path) if isinstance(n, (cst.For, cst.While))), None)
    if node is None or loop is None:
        return ""
    received = _received(loop)
    return next((a.value.value for a in node.args
                 if isinstance(a.value, cst.Name) and a.value.value in received), "")


def for_some_items(path: tuple[cst.CSTNode, ...], function: Scope | None) -> bool:
    """The node below `path` sits in an `if` (or its `else`) whose test reads a parameter of
    `function`: the store is made only for the items that pass (or fail) it."""
    if function is None:
        return False
    params = {name for name, bindings in function.bindings.items()
              if any(b.kind is BindingKind.PARAM and not b.first_param for b in bindings)}
    return any(isinstance(n, cst.If) and _reads(n.test, params) for n in path)


def _reads(test: cst.BaseExpression, names: set[str]) -> bool:
    todo: list[cst.CSTNode] = [test]
    while todo:
        node = todo.pop()
        if isinstance(node, cst.Name) and node.value in names:
            return True
        if isinstance(node, cst.Attribute):
            todo.append(node.value)  # `msg.kind`: not the `.kind` label
        else:
            todo.extend(children(node))
    return False


def _received(loop: cst.For | cst.While) -> set[str]:
    """The names a loop's turn waits for: an `async for` target, the names bound from an
    `await` in its body (not in a nested function or loop: those are other turns)."""
    out: set[str] = set()
    if isinstance(loop, cst.For) and loop.asynchronous:
        out.update(bound_names(loop.target))
    todo: list[cst.CSTNode] = [loop.body]
    while todo:
        node = todo.pop()
        if isinstance(node, cst.Assign) and isinstance(node.value, cst.Await):
            for target in node.targets:
                out.update(bound_names(target.target))
        elif isinstance(node, cst.AnnAssign) and isinstance(node.value, cst.Await):
            out.update(bound_names(node.target))
        elif not isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.For, cst.While,
                                   cst.BaseExpression)):  # statements only: the binding ones
            todo.extend(children(node))
    return out

