"""A kept task stopped through the object it works on.

`self._task = spawn(self._server.serve())` (or a coroutine that awaits `self._server.main_loop()`)
and `stop(): self._server.should_exit = True` or `close(): await self._ws.close()`: the owner's
close-like method tells the object the task waits on to finish, which ends the task's work. A
cooperative shutdown path, like a flag the task's own loop tests (`lifetimes.stopped_on_signal`),
one object further: the labelled sets grade it so (streamlit's uvicorn server on dev7).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.obligations.coroutines import spawned_function
from taskleak.analysis.obligations.reading_loops import (
    leading_to,
    own_attribute,
    read_until_closed,
)
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import CallSite, ScopeKind
from taskleak.analysis.tree.vocabulary import STOP_CALLS, ends_lifecycle
from taskleak.analysis.tree.walk import descendants


def stopped_through_its_object(site: CallSite) -> str:
    """"stopped by stop() through self._server.should_exit" (or "... through
    self._ws.close()") when a close-like method of the spawner's class (not the spawning one,
    nor the one the task runs) sets an attribute of the object whose method the task runs
    (`self._server`), or calls its close, stop, shutdown ...; "" otherwise. The task runs the
    object's method as its coroutine, or through a function of this module with no loop of its
    own that awaits it."""
    spawner = site.scope.method()
    cls = site.scope.enclosing_class()
    if spawner is None or cls is None or not spawner.self_name:
        return ""
    methods = {m.name: (m.node, m.self_name) for m in cls.children
               if m.kind is ScopeKind.FUNCTION and m.self_name}
    objects, reading = _awaited_objects(site, spawner.self_name,
                                        leading_to(methods, spawner.name))
    if not objects:
        return ""
    target = spawned_function(site, calls_only=True)
    for method in cls.children:
        if method is spawner or method is target or method.kind is not ScopeKind.FUNCTION \
                or not method.self_name or not ends_lifecycle(method.name):
            continue
        told = _tells(method.node, {f"{method.self_name}.{o}" for o in objects}, reading)
        if told:
            return f"stopped by {method.name}() through {told}"
    return ""


def _awaited_objects(site: CallSite, self_name: str, restarting: set[str]
                     ) -> tuple[set[str], bool]:
    """The attributes of `self` whose methods the task runs: the spawned call's receiver
    (`self._server.serve()`), or what the spawned function of this module awaits; and whether
    they are read by its loops (`reading_loops.py`: then only a close of them ends it)."""
    args = site.args
    coro = args[0].value if args else None
    if isinstance(coro, cst.Call) and isinstance(coro.func, cst.Attribute):
        own = own_attribute(coro.func.value, self_name)
        if own:
            return {own}, False
    target = spawned_function(site, calls_only=True)
    if target is None or not isinstance(target.node, cst.FunctionDef):
        return set(), False
    # a method has its own `self`; a closure in the spawning method uses the method's
    name = target.self_name or self_name
    if any(isinstance(n, (cst.While, cst.For)) for n in descendants(target.node)):
        # a loop of its own (a reconnect loop) may outlive the object's end, unless it only
        # reads that object until it is closed
        read = read_until_closed(target.node, name, restarting)
        return ({read}, True) if read else (set(), False)
    out: set[str] = set()
    for node in descendants(target.node):
        if isinstance(node, cst.Await) and isinstance(node.expression, cst.Call) \
                and isinstance(node.expression.func, cst.Attribute):
            own = own_attribute(node.expression.func.value, name)
            if own:
                out.add(own)
    return out, False


def _tells(method: cst.CSTNode, objects: set[str], calls_only: bool) -> str:
    """How `method` tells one of `objects` to finish: "self._server.should_exit" for a write
    to its attribute (unless `calls_only`: a loop reading it does not see a flag), or
    "self._ws.close()" for a close-like call of it; "" for neither."""
    for node in descendants(method):
        if isinstance(node, (cst.Assign, cst.AugAssign, cst.AnnAssign)) and not calls_only:
            targets = [t.target for t in node.targets] if isinstance(node, cst.Assign) \
                else [node.target]
            for t in targets:
                if isinstance(t, cst.Attribute) and dotted(t.value) in objects:
                    return f"{dotted(t.value)}.{t.attr.value}"
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                and dotted(node.func.value) in objects \
                and node.func.attr.value.strip("_") in STOP_CALLS:
            return f"{dotted(node.func.value)}.{node.func.attr.value}()"
    return ""
