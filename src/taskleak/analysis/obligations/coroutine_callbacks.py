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

Tornado's IOLoop is the other way round (what it does, with its sources: `library_facts.py`):
its `add_callback`, `spawn_callback`, `add_future`, `call_later`, `call_at` and `add_timeout`
call the function back and keep what it returns until done, logging its error: the task of an
`async def` (AND_RUNS), the Future of a `tornado.gen.coroutine` (AND_LOGS). Nothing cancels
either. The receiver must resolve to an IOLoop (`IOLoop.current()`, a constructor, an
annotation, traitlets' `Instance(IOLoop)`: `library_facts.TORNADO_LOOP_FACTORIES`), or be a
chain another module types (`self.loop` that a base class of another module holds:
`chains.py`), asked of the project join (`receivers.py`).
"""

from __future__ import annotations

from enum import Enum

import libcst as cst

from taskleak.analysis.names.chains import receiver_chain
from taskleak.analysis.names.resolve import Instance, Resolver, SymKind
from taskleak.analysis.obligations.local_helpers import OwnCalls
from taskleak.analysis.tree.library_facts import TORNADO_COROUTINE, TORNADO_RUNS_CALLED_BACK
from taskleak.analysis.tree.nodes import last_name
from taskleak.analysis.tree.scopes import BindingKind, CallSite, Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import (
    CALLED_BACK_LATER,
)

_MAX_DEPTH = 3  # `cb = partial(self.expire, ...)`, then `call_later(5, cb)`
_THREADS = frozenset({"threading.Timer", "threading.Thread"})
# what a Task or Future resolves to (a class, or the call that makes one)
_FUTURE_MAKERS = ("asyncio.", "concurrent.futures.")


class CallsBack(Enum):
    """How a call calls its callback back."""

    PLAINLY = "plainly"  # and drops what it returns
    # tornado's IOLoop: runs what an `async def` returns as a task it keeps until done ...
    AND_RUNS = "and runs"
    # ... and logs the error of the Future a `@gen.coroutine` returns, which runs until done
    AND_LOGS = "and logs"


def _calls_back(func: cst.BaseExpression, scope: Scope, resolver: Resolver
                ) -> tuple[CallsBack, str] | None:
    """PLAINLY: an asyncio loop's `call_later` (and the other `CALLED_BACK_LATER` methods), an
    asyncio Task's or Future's `add_done_callback`, a `threading.Timer`; AND_RUNS: a tornado
    IOLoop's `TORNADO_RUNS_CALLED_BACK` methods (`CoroutineCallbacks.of` tells AND_LOGS from
    it by the function); None: anything else (not followed). With it, the receiver's chain when
    another module must type it (`self.loop` a base class of another module declares: the
    project join asks it, `chains.py`), else ""."""
    if not isinstance(func, cst.Attribute):
        return None
    whole = resolver.resolve(func, scope)
    if whole.kind is SymKind.QUALIFIED and whole.name in _THREADS:
        return CallsBack.PLAINLY, ""
    receiver = resolver.resolve(func.value, scope)
    method = func.attr.value
    if receiver.kind is SymKind.UNKNOWN:  # an IOLoop or a loop if another module says so
        how = _by_method(method)
        chain = receiver_chain(func.value, scope, resolver) if how is not None else ""
        return (how, chain) if how is not None and chain else None
    if receiver.kind is not SymKind.INSTANCE:
        return None
    if receiver.instance is Instance.TORNADO_LOOP:
        return (CallsBack.AND_RUNS, "") if method in TORNADO_RUNS_CALLED_BACK else None
    if method not in CALLED_BACK_LATER:
        return None
    if method == "add_done_callback":
        return (CallsBack.PLAINLY, "") if receiver.name.startswith(_FUTURE_MAKERS) else None
    return (CallsBack.PLAINLY, "") if receiver.instance is Instance.LOOP else None


def _by_method(method: str) -> CallsBack | None:
    """How a receiver of unknown type would call back, by its method, if it is what the project
    join is asked to confirm: tornado's IOLoop for its methods, else an asyncio loop (a Future's
    `add_done_callback` is not asked about). `call_later` and `call_at`, methods of both, are
    asked as tornado's: a question names one kind, so an asyncio loop there is not found."""
    if method in TORNADO_RUNS_CALLED_BACK:
        return CallsBack.AND_RUNS
    if method in CALLED_BACK_LATER and method != "add_done_callback":
        return CallsBack.PLAINLY
    return None


class CoroutineCallbacks:
    """The module's coroutine functions, found where a call calls them back."""

    def __init__(self, module: Scope) -> None:
        self._module = module
        self._calls = OwnCalls(module, {
            s.qualname for s in module.walk() if s.kind is ScopeKind.FUNCTION
            and isinstance(s.node, cst.FunctionDef) and s.node.asynchronous is not None})
        self._tornado_calls: OwnCalls | None = None  # made for the first IOLoop call

    def of(self, site: CallSite, resolver: Resolver) -> tuple[str, bool, CallsBack, str] | None:
        """(the coroutine function's name, whether the callback is a coroutine object already,
        how the call calls it back, the receiver's chain when another module must type it)
        when the function `site` calls back is one of the module's coroutine functions."""
        calls_back = _calls_back(site.node.func, site.scope, resolver)
        if calls_back is None:
            return None
        how, chain = calls_back
        calls = self._calls if how is CallsBack.PLAINLY else self._tornado(resolver)
        found = self._callback(calls, site.func, site.scope, resolver, 0)
        if found is None:
            return None
        qualname, coroutine_object = found
        if how is CallsBack.AND_RUNS and qualname not in self._calls.qualnames:
            how = CallsBack.AND_LOGS  # a `@gen.coroutine`: it gives a Future
        return qualname.rsplit(".", 1)[-1], coroutine_object, how, chain

    def _tornado(self, resolver: Resolver) -> OwnCalls:
        """The module's coroutine functions as tornado runs them: also a plain `def` decorated
        `tornado.gen.coroutine` (calling it starts it and gives a future)."""
        if self._tornado_calls is None:
            self._tornado_calls = OwnCalls(self._module, set(self._calls.qualnames) | {
                s.qualname for s in self._module.walk() if s.kind is ScopeKind.FUNCTION
                and isinstance(s.node, cst.FunctionDef) and s.parent is not None
                and any(resolver.resolve(d.decorator, s.parent).name == TORNADO_COROUTINE
                        for d in s.node.decorators)})
        return self._tornado_calls

    def _callback(self, calls: OwnCalls, value: cst.BaseExpression, scope: Scope,
                  resolver: Resolver, depth: int) -> tuple[str, bool] | None:
        if depth > _MAX_DEPTH:
            return None
        if isinstance(value, cst.Call):
            if last_name(value.func) == "partial":  # `partial(self.expire, timeout=True)`
                args = [a.value for a in value.args if a.keyword is None and not a.star]
                return self._callback(calls, args[0], scope, resolver, depth + 1) \
                    if args else None
            called = calls.resolve(value.func, scope, resolver)
            return (called, True) if called is not None else None  # `self.expire()`
        found = calls.resolve(value, scope, resolver)
        if found is not None:
            return found, False
        if isinstance(value, cst.Name):  # a local bound once to a callback
            bindings = resolver.lookup(value.value, scope) or []
            if len(bindings) == 1 and bindings[0].kind is BindingKind.ASSIGN \
                    and bindings[0].value is not None and bindings[0].scope is not None:
                return self._callback(calls, bindings[0].value, bindings[0].scope, resolver,
                                      depth + 1)
        return None
