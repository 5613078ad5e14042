"""A task that waits for an event of its own object, left by a cancel its owner's close makes
without giving that event (RUBRIC conventions 4 and 7: "waits for a signal nothing is known to
give").

    async def _loop(self):                        # run in self._task
        while self._running:
            wake = create_task(self._wake.wait())
            await asyncio.wait({sleep, wake}, return_when=FIRST_COMPLETED)
            wake.cancel()                         # on the normal way out only
    async def stop(self):
        self._task.cancel()                       # and self._wake is never set

`self._wake.wait()` ends by itself only when the event is set. The owner's close cancels the
task running `_loop()` while it waits, which skips the cancel of the waiter; when neither that
close nor a method it calls on `self`, nor a cleanup of `_loop()` itself (a `finally`, an
`except` catching the cancel) sets the event, nothing on the owner's way out gives what the
waiter waits for: it runs until cancelled, like a loop with no way out.

A race its method repeats in a loop (stop 113; acty's replay source, dev56) needs no task of
the class: whoever cancels the method cancels it at that wait, where each turn waits, and the
waiter is left when no close-like method of the class (nor what it calls on `self`) gives the
event.

No claim (the waiter ends by itself, as before) when the event is not an `asyncio.Event` made
by the class, when it is used otherwise than by its own methods (handed on or
aliased: its giver is not followed), when the race is in no loop and the waiting method is
not the coroutine of a task the class keeps in an attribute that a close-like method (or one
it calls) cancels (a caller's cancel of a one-off wait leaves the object, and what sets the
event, alive), or when a close gives it. Read from the class as the inheritance round gives it
whole (`Fate.waits_on` marks the waiter so).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.obligations.coroutines import own_attribute, runs_own_method
from taskleak.analysis.obligations.lifetimes import in_cleanup
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.scopes import CallSite, Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import ends_lifecycle

_EVENTS = frozenset({"asyncio.Event", "asyncio.locks.Event"})
# what an event's own methods do; any other use hands it on (`f(self._wake)`, an alias).
# (An `asyncio.Queue`'s `get()` is no such wait here: its `put()` reads as a collection's add,
# not as a call that gives, so a close that puts would go unseen.)
_EVENT_METHODS = frozenset({"wait", "set", "clear", "is_set"})
# reads that hand nothing on: `clear()` reads as a prune (as of any collection; an event has no
# other), a test (`self._wake is not None`) as another read, a log of it as an inspection
_NOT_HANDED = frozenset({Flow.PRUNE, Flow.OTHER, Flow.INSPECT})


def own_event_waited(site: CallSite) -> str:
    """"_wake" when the spawn runs `self._wake.wait()`, a wait on an attribute of the spawning
    method's own object; "" otherwise."""
    args = site.args
    coro = args[0].value if args else None
    if not isinstance(coro, cst.Call) or coro.args or not isinstance(coro.func, cst.Attribute) \
            or coro.func.attr.value != "wait":
        return ""
    return own_attribute(coro.func.value, site)


def unsignalled_wait(site: CallSite, resolver: Resolver) -> str:
    """What a message may say of a waiter on its own object's event that its owner's close
    leaves waiting ("waits for self._wake to be set, which stop() does not do when it cancels
    self._task, the task running _loop()"); "" when no such claim holds (see the docstring)."""
    attr = own_event_waited(site)
    method = site.scope.method()
    cls = method.enclosing_class() if method is not None else None
    if not attr or method is None or cls is None or not _an_event(cls, attr, resolver) \
            or not _only_signalled(cls, attr):
        return ""
    me = method.self_name
    holders = _task_attributes(cls, method.name)
    cancelling: list[tuple[str, str]] = []  # (close-like method, the attribute it cancels)
    set_on_close = False  # some close-like method (or one it calls) sets the event
    for name, candidate in sorted(_methods(cls).items()):
        if not ends_lifecycle(name):
            continue
        reach = _reach(cls, candidate)
        sets = _read_as(reach, attr, Flow.METHOD, "set")
        set_on_close = set_on_close or sets
        cancelled = next((t for t in holders if _read_as(reach, t, Flow.CANCEL)), None)
        if cancelled is None:
            continue
        if sets:
            return ""  # a way out that gives the event: the waiter finishes there
        cancelling.append((name, cancelled))
    # (the waiting method's own `finally`, or an `except` catching the cancel, gives it too)
    if _read_as([method], attr, Flow.METHOD, "set", cleanup=True):
        return ""
    if cancelling:
        closer, cancelled = cancelling[0]
        return (f"waits for {me}.{attr} to be set, which {closer}() does not do when it "
                f"cancels {me}.{cancelled}, the task running {method.name}()")
    # a race its method repeats in a loop: whoever cancels the method cancels it at that
    # wait, where each turn waits; no way out of the object gives the event then
    if _in_a_loop(site) and not set_on_close:
        return (f"waits for {me}.{attr} to be set, which no close of {cls.name} does, when "
                f"{method.name}() is cancelled at the wait it repeats in its loop")
    return ""


def _in_a_loop(site: CallSite) -> bool:
    """The spawn sits in a `for` or `while` of its own function (a retry loop's too: the race
    is where the function waits, turn after turn)."""
    inner = site.path[max((i for i, n in enumerate(site.path)
                           if isinstance(n, (cst.FunctionDef, cst.Lambda))), default=0):]
    return any(isinstance(n, (cst.For, cst.While)) for n in inner)


def _methods(cls: Scope) -> dict[str, Scope]:
    return {m.name: m for m in cls.children if m.kind is ScopeKind.FUNCTION and m.self_name}


def _an_event(cls: Scope, attr: str, resolver: Resolver) -> bool:
    """Every value the class stores in `self.<attr>` (None aside) is `asyncio.Event()`."""
    values = [(v, s) for v, s in cls.attr_bindings.get(attr, ())
              if not (isinstance(v, cst.Name) and v.value == "None")]
    return bool(values) and attr not in cls.bindings and all(
        isinstance(v, cst.Call) and (sym := resolver.resolve(v.func, s)).kind
        is SymKind.QUALIFIED and sym.name in _EVENTS for v, s in values)


def _only_signalled(cls: Scope, attr: str) -> bool:
    """Every read of `self.<attr>` in the class calls one of the event's own methods."""
    for method in _methods(cls).values():
        key = f"{method.self_name}.{attr}"
        for scope in method.walk():
            for o in scope.occurrences:
                if o.key == key and o.dest.kind not in _NOT_HANDED and not (
                        o.dest.kind is Flow.METHOD and o.dest.callee in _EVENT_METHODS):
                    return False
    return True


def _task_attributes(cls: Scope, name: str) -> list[str]:
    """The attributes the class stores a task running `self.<name>()` in, sorted."""
    return sorted({attr for method in _methods(cls).values() for scope in method.walk()
                   for site in scope.calls
                   if runs_own_method(site) == name and site.dest.kind is Flow.BOUND
                   for target in site.dest.targets if (attr := own_attribute(target, site))})


def _reach(cls: Scope, closer: Scope) -> list[Scope]:
    """`closer` and the methods of the class it calls on `self`, in turn."""
    methods = _methods(cls)
    todo, seen = [closer], {id(closer)}
    out: list[Scope] = []
    while todo:
        method = todo.pop()
        out.append(method)
        for scope in method.walk():
            for o in scope.occurrences:
                called = methods.get(o.dest.callee) if o.key == method.self_name \
                    and o.dest.kind is Flow.METHOD else None
                if called is not None and id(called) not in seen:
                    seen.add(id(called))
                    todo.append(called)
    return out


def _read_as(methods: list[Scope], attr: str, flow: Flow, callee: str | None = None,
             cleanup: bool = False) -> bool:
    """One of `methods` reads `self.<attr>` as `flow` (a cancel; a call of its method
    `callee`), only in a `finally` or an `except` that catches the cancel when `cleanup`."""
    return any(o.key == f"{m.self_name}.{attr}" and o.dest.kind is flow
               and (callee is None or o.dest.callee == callee)
               and (not cleanup or in_cleanup(o.path))
               for m in methods for s in m.walk() for o in s.occurrences)
