"""Coroutine functions handed to a call that calls them back and drops what they return.

`loop.call_later(5, self.expire)` with `async def expire(self)`: the timer calls `expire()`,
which only makes a coroutine; nothing awaits it, so the work never runs (Python warns "coroutine
... was never awaited"). A coroutine object handed as the callback (`call_later(5,
self.expire())`) is never awaited either, and calling it back raises TypeError.

What proves it: the call (`scan`'s `Scope.called_back`: `vocabulary.CALLED_BACK_LATER`'s
calls) resolves to one that calls a plain function back (a method of an asyncio event loop, the
`add_done_callback` of an asyncio Task or Future, `threading.Timer` or `Thread`: not by name, as
Tornado's IOLoop and task groups of other libraries take coroutine functions too), and the
callback resolves to an `async def` of this module, a function, a nested function or a method of
the enclosing class (or of a base class of this module), directly, through
`functools.partial(...)`, or through a local bound once to either. A function of another module
or of another object is not followed: no spawn, no claim.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.local_helpers import OwnCalls
from taskleak.analysis.nodes import last_name
from taskleak.analysis.resolve import Instance, Resolver, SymKind
from taskleak.analysis.scopes import BindingKind, CallSite, Scope, ScopeKind

_MAX_DEPTH = 3  # `cb = partial(self.expire, ...)`, then `call_later(5, cb)`
_THREADS = frozenset({"threading.Timer", "threading.Thread"})
# what a Task or Future resolves to (a class, or the call that makes one)
_FUTURE_MAKERS = ("asyncio.", "concurrent.futures.")


def _calls_back_plainly(func: cst.BaseExpression, scope: Scope, resolver: Resolver) -> bool:
    """The call calls its callback as a plain function and drops what it returns: an asyncio
    loop's `call_later` (and the other `CALLED_BACK_LATER` methods), an asyncio Task's or
    Future's `add_done_callback`, a `threading.Timer`."""
    if not isinstance(func, cst.Attribute):
        return False
    whole = resolver.resolve(func, scope)
    if whole.kind is SymKind.QUALIFIED and whole.name in _THREADS:
        return True
    receiver = resolver.resolve(func.value, scope)
    if receiver.kind is not SymKind.INSTANCE:
        return False
    if func.attr.value == "add_done_callback":
        return receiver.name.startswith(_FUTURE_MAKERS)
    return receiver.instance is Instance.LOOP


class CoroutineCallbacks:
    """The module's coroutine functions, found where a call calls them back."""

    def __init__(self, module: Scope) -> None:
        self._calls = OwnCalls(module, {
            s.qualname for s in module.walk() if s.kind is ScopeKind.FUNCTION
            and isinstance(s.node, cst.FunctionDef) and s.node.asynchronous is not None})

    def of(self, site: CallSite, resolver: Resolver) -> tuple[str, bool] | None:
        """(the coroutine function's name, whether the callback is a coroutine object already)
        when the function `site` calls back is one of the module's coroutine functions."""
        if not _calls_back_plainly(site.node.func, site.scope, resolver):
            return None
        return self._callback(site.func, site.scope, resolver, 0)

    def _callback(self, value: cst.BaseExpression, scope: Scope, resolver: Resolver,
                  depth: int) -> tuple[str, bool] | None:
        if depth > _MAX_DEPTH:
            return None
        if isinstance(value, cst.Call):
            if last_name(value.func) == "partial":  # `partial(self.expire, timeout=True)`
                args = [a.value for a in value.args if a.keyword is None and not a.star]
                return self._callback(args[0], scope, resolver, depth + 1) if args else None
            called = self._function(value.func, scope, resolver)
            return (called, True) if called is not None else None  # `self.expire()`
        found = self._function(value, scope, resolver)
        if found is not None:
            return found, False
        if isinstance(value, cst.Name):  # a local bound once to a callback
            bindings = resolver.lookup(value.value, scope) or []
            if len(bindings) == 1 and bindings[0].kind is BindingKind.ASSIGN \
                    and bindings[0].value is not None and bindings[0].scope is not None:
                return self._callback(bindings[0].value, bindings[0].scope, resolver, depth + 1)
        return None

    def _function(self, func: cst.BaseExpression, scope: Scope, resolver: Resolver
                  ) -> str | None:
        found = self._calls.resolve(func, scope, resolver)
        return found.rsplit(".", 1)[-1] if found is not None else None
