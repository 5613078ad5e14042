"""A `for` over an endless generator of its own class never runs out.

    async def _listen_updates(self):            # an async generator: `while True` around a
        while True:                             # `yield`, no break or return
            for update in await self._fetch():
                yield update

    async def _polling(self):
        async for update in self._listen_updates():   # no break or return either
            await self._process(update)

`_polling()` ends only when the generator does, and the generator ends only on a cancel or an
error: the scan marks `_polling()` endless, as it marks a `for` over `itertools.count()`. A
method of the class is what `self.<name>` runs where the class defines it (a subclass may
replace it: the same reading as the class's other facts). Followed through such loops in
turn (a consumer of a generator that consumes another); a generator with a way out (a `break`,
a `return`, a flag its own code clears: `own_stops.py`) is no endless one, nor is its consumer.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.nodes import code_of
from taskleak.analysis.tree.scopes import Scope, ScopeKind
from taskleak.analysis.tree.walk import children


def own_method_called(iterable: cst.BaseExpression, self_name: str) -> str:
    """"_listen_updates" of `self._listen_updates(...)` (`self_name` the method's first
    parameter: `self`, or `cls` of a class method); "" for anything else."""
    if isinstance(iterable, cst.Call) and isinstance(iterable.func, cst.Attribute) \
            and isinstance(iterable.func.value, cst.Name) \
            and iterable.func.value.value == self_name:
        return iterable.func.attr.value
    return ""


def settle_generator_loops(module: Scope) -> None:
    """Mark endless each method of the module's classes with an `own_iterations` loop over an
    endless generator method of its class (see the module docstring), until nothing changes."""
    for cls in module.walk():
        if cls.kind is not ScopeKind.CLASS:
            continue
        methods = {m.name: m for m in cls.children
                   if m.kind is ScopeKind.FUNCTION and m.self_name}
        changed = True
        while changed:
            changed = False
            for method in methods.values():
                changed |= _over_endless_generator(method, methods)


def _over_endless_generator(method: Scope, methods: dict[str, Scope]) -> bool:
    """Mark `method` endless when one of its own iterations runs over an endless generator
    method of its class; whether it was marked now."""
    for loop in method.own_iterations:
        target = methods.get(own_method_called(loop.iter, method.self_name or ""))
        if method.endless or target is None or not target.endless or not _yields(target.node):
            continue
        method.endless = method.long_running = True
        method.endless_loops.append(loop)
        method.loop_iter = code_of(loop.iter)
        return True
    return False


def _yields(node: cst.CSTNode) -> bool:
    """The function `node` is a generator: a `yield` in its body (not in a function, lambda or
    class nested in it, whose `yield` is its own)."""
    todo = children(node)
    while todo:
        at = todo.pop()
        if isinstance(at, cst.Yield):
            return True
        if not isinstance(at, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            todo += children(at)
    return False
