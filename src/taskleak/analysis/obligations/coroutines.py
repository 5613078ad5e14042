"""What the body of a spawned coroutine says about its task: it loops forever, it never ends by
itself, it spawns itself again. Coroutines defined in the same module are read here; one of
another module is asked by its chain (`coroutine_chain`), and the module that defines it
exports what its loop says (`loop_text`, `Exports.endless`) for the join
(`project/coroutine_bodies.py`)."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from taskleak.analysis.names.chains import receiver_chain
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.liveness import FunctionGraphs, ends_right_after
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.scopes import (
    CallSite,
    Occurrence,
    Scope,
    ScopeKind,
    defined_function,
)


def reschedules_itself(site: CallSite) -> bool:
    """`async def _poll(self): ...; self._task = create_task(self._poll())`."""
    args = site.args
    fn = site.scope.method()
    if not args or fn is None or not isinstance(args[0].value, cst.Call):
        return False
    return defined_function(args[0].value.func, site.scope) is fn


def long_running(sp: Spawn) -> bool:
    """The spawned coroutine is a function of this module with a `while True` loop."""
    coro = sp.coroutine
    if coro is None:
        return False
    func = coro.func if isinstance(coro, cst.Call) else coro
    target = defined_function(func, sp.site.scope)
    return target is not None and target.long_running


def coroutine_chain(sp: Spawn, resolver: Resolver) -> str:
    """The chain (`names/chains.py`) of the function the spawn runs when it is not one of this
    module (`heartbeat()` imported from `.beats`): "" when it is, or when there is none."""
    coro = sp.coroutine
    if coro is None:
        return ""
    func = coro.func if isinstance(coro, cst.Call) else coro
    if defined_function(func, sp.site.scope) is not None:
        return ""
    return receiver_chain(func, sp.site.scope, resolver) or _local_object_method(func, sp.site)


def _local_object_method(func: cst.BaseExpression, site: CallSite) -> str:
    """"Poller().poll" of `poller.poll`, `poller` bound once in the function to `Poller(...)`,
    a class of this module that does not define `poll` (a base of another module does: the
    inheritance round reads the class with it, `run/inherited.py`)."""
    cls = _made_by_a_local(func, site)
    if cls is None or not isinstance(func, cst.Attribute):
        return ""
    if any(m.name == func.attr.value for m in cls.children):
        return ""
    return f"{cls.name}().{func.attr.value}"


def loop_text(target: Scope) -> str:
    """What the loop of a coroutine function that never ends does, in words."""
    exits = "with no break or return but on a cancel" if target.left_on_cancel \
        else "with no break or return"
    if not target.loop_test and target.loop_iter:
        kind = "async for" if any(isinstance(n, cst.For) and n.asynchronous is not None
                                  for n in target.endless_loops) else "for"
        return (f"runs `{kind}` over `{target.loop_iter}`, which never runs out, {exits}, so "
                "only a cancel or an error ends it")
    if target.loop_test in ("True", "1"):
        return (f"runs `while {target.loop_test}` {exits}, so only a cancel or an error ends "
                "it")
    return f"runs `while {target.loop_test}:` {exits}"


def loop_words(sp: Spawn) -> str:
    """What a message may claim of the spawned coroutine's loop: "runs `while True` with no
    break or return, so only a cancel or an error ends it", "runs `while self.open:` with no
    break or return"; "" when it has no such loop (one that can return ends by itself)."""
    coro = sp.coroutine
    if coro is None:
        return ""
    target = defined_function(coro.func if isinstance(coro, cst.Call) else coro, sp.site.scope) \
        or _endless_method_of_a_local(sp.site)
    if target is None or not target.endless:
        return ""
    return loop_text(target)


def endless(site: CallSite) -> bool:
    """The spawned coroutine never ends by itself: a `while True` with no `break` or
    `return`, or a coroutine that spawns itself again."""
    target = spawned_function(site, calls_only=False)
    return (target is not None and target.endless) or reschedules(site)


def runs_until_cancelled(site: CallSite) -> bool:
    """The spawned coroutine never ends by itself, as this module can tell: `endless`, or an
    endless method of a local made from a class of this module."""
    return endless(site) or _endless_method_of_a_local(site) is not None


def _endless_method_of_a_local(site: CallSite) -> Scope | None:
    """`sender._send_loop()`, `sender` bound once in the function to `Sender()` of this module:
    that method, when it never ends by itself (as the join reads the same call when `Sender`
    is imported: `coroutine_bodies.endless_words`); else None."""
    args = site.args
    call = args[0].value if args else None
    func = call.func if isinstance(call, cst.Call) else None
    cls = _made_by_a_local(func, site) if func is not None else None
    if cls is None or not isinstance(func, cst.Attribute):
        return None
    return next((m for m in cls.children if m.kind is ScopeKind.FUNCTION
                 and m.name == func.attr.value and m.endless and m.is_async), None)


def _made_by_a_local(func: cst.BaseExpression, site: CallSite) -> Scope | None:
    """The class of this module of `local.method`, `local` bound once in the spawn's scope to
    a call of that class; else None."""
    if not isinstance(func, cst.Attribute) or not isinstance(func.value, cst.Name):
        return None
    bindings = site.scope.bindings.get(func.value.value, [])
    made = bindings[0].value if len(bindings) == 1 else None
    if not isinstance(made, cst.Call) or not isinstance(made.func, cst.Name):
        return None
    cls = next((c for c in site.scope.module().children
                if c.kind is ScopeKind.CLASS and c.name == made.func.value), None)
    return cls


def reschedules(site: CallSite) -> bool:
    """The spawned coroutine is a function of this module that spawns itself again (`_poll`
    ends with `self._task = create_task(self._poll())`): it never ends on its own."""
    target = spawned_function(site, calls_only=True)
    return target is not None and any(
        reschedules_itself(call) for s in target.walk() for call in s.calls)


def restarted_from_within(site: CallSite, origin: Scope | None,
                          calls: Callable[[Scope, Scope], bool]) -> bool:
    """The spawn repeats only because the coroutine it runs asks for its successor (`origin`:
    where the repetition comes from, `Frequency.origin`): a listener whose way out reconnects,
    and the reconnect starts the next listener; a reconnect task that calls the open() which
    sets the close handler that starts the next reconnect (`calls(a, b)`: code in `a` calls
    `b`). The task replaced is the one that made that call, or set up the event that makes
    it."""
    target = spawned_function(site, calls_only=True)
    if target is None or origin is None:
        return False
    where = origin.method() or origin
    return origin.within(target) or calls(target, where)


def asks_for_its_successor(site: CallSite, origin: Scope | None,
                           call_reads: Callable[[Scope, Scope], list[Occurrence]],
                           graphs: FunctionGraphs) -> bool:
    """The spawn repeats only because the coroutine it runs asks for its successor (it spawns
    itself again, `reschedules_itself`, or calls what re-spawns it, `restarted_from_within`),
    and that coroutine ends right after the asking on every path: the task replaced is the one
    about to finish. A coroutine that goes on after it (a heartbeat loop that reconnects, then
    beats on) is left running by its successor: not excused."""
    if reschedules_itself(site):
        fn = site.scope.method()
        return fn is not None and ends_right_after(fn, [site.seq], graphs)
    if not restarted_from_within(site, origin, lambda a, b: bool(call_reads(a, b))):
        return False
    target = spawned_function(site, calls_only=True)
    spawning = site.scope.method()
    if target is None or origin is None or spawning is None:
        return False
    # the calls in the coroutine's own body of the spawning function or of where the
    # repetition comes from, as the module's calls resolve them (not any call of that name)
    asking = [o.seq for fn in dict.fromkeys((spawning, origin.method() or origin))
              for o in call_reads(target, fn) if o.scope is target]
    # asked from a function nested in it (a callback it sets up): not on its own graph
    return not asking or ends_right_after(target, sorted(asking), graphs)


def runs_own_method(site: CallSite) -> str:
    """"_update_calls" when the spawn runs `self._update_calls()`, a method of its own object
    (wherever the class that defines it lives); "" otherwise."""
    args = site.args
    coro = args[0].value if args else None
    return own_attribute(coro.func, site) if isinstance(coro, cst.Call) else ""


def own_attribute(node: cst.BaseExpression, site: CallSite) -> str:
    """"_wake" when `node` is `self._wake`, an attribute of the spawning method's own object;
    "" otherwise."""
    method = site.scope.method()
    if method is None or not method.self_name:
        return ""
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) \
            and node.value.value == method.self_name:
        return node.attr.value
    return ""


def spawned_function(site: CallSite, *, calls_only: bool) -> Scope | None:
    """The function of this module the spawn's first argument runs: `work()` (or, unless
    `calls_only`, `work` passed uncalled)."""
    args = site.args
    coro = args[0].value if args else None
    if isinstance(coro, cst.Call):
        return defined_function(coro.func, site.scope)
    if coro is None or calls_only:
        return None
    return defined_function(coro, site.scope)
