"""A loop that goes round once per session, not once per message (issue 69: an overwrite per
message is high, per rare event medium).

    while not self._closed:
        reader, writer = await asyncio.open_connection(host, port)
        self._heartbeat = asyncio.create_task(self._ping(writer))
        await self._read(reader)          # loops over the stream until the link drops

The turn that stores the task then waits in a function of the module that itself loops (over
a stream, or until something ends it): the loop comes round only when that session ends, a
dropped link or a reconnect, a rare event. A turn that waits for one item and handles it is
per message. Read from the loop's body and the module's functions, never from a name.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.nodes import NESTED_DEFINITIONS
from taskleak.analysis.tree.scopes import CallSite, Scope, defined_function
from taskleak.analysis.tree.walk import children

_LOOPS = (cst.While, cst.For)


def per_session(site: CallSite) -> bool:
    """The innermost loop around the spawn at `site` awaits, in its body, a call of a function
    of the module whose own body loops: each turn lasts a session."""
    loop = next((n for n in reversed(site.path) if isinstance(n, _LOOPS)), None)
    return loop is not None and any(_loops(defined_function(call.func, site.scope))
                                    for call in _awaited_calls(loop.body))


def _awaited_calls(node: cst.CSTNode) -> list[cst.Call]:
    """The calls awaited in `node`, outside nested functions, classes and loops (another loop's
    turns are not this one's)."""
    out: list[cst.Call] = []
    todo: list[cst.CSTNode] = [node]
    while todo:
        current = todo.pop()
        if isinstance(current, NESTED_DEFINITIONS) or isinstance(current, _LOOPS):
            continue
        if isinstance(current, cst.Await) and isinstance(current.expression, cst.Call):
            out.append(current.expression)
        todo.extend(children(current))
    return out


def _loops(fn: Scope | None) -> bool:
    """`fn` (a function of the module) has a loop of its own in its body."""
    if fn is None or not isinstance(fn.node, (cst.FunctionDef,)):
        return False
    todo: list[cst.CSTNode] = [fn.node.body]
    while todo:
        current = todo.pop()
        if isinstance(current, _LOOPS):
            return True
        if not isinstance(current, NESTED_DEFINITIONS):
            todo.extend(children(current))
    return False
