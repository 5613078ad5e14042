"""How long a task's keeper lives, and how long the task stays in it.

A function that keeps running while its task runs holds it, but only the last task it binds
to a local on each turn of a loop: each turn lets the one before go.
A task bound to a local is dropped when the function returns, unless the function does not
return while the task runs: it then blocks in `loop.run_forever()` / `loop.run_until_complete()`
/ `asyncio.run()` (a synchronous entry point), or it is a coroutine whose `while True` loop never
ends. The same holds for a closure cell (`nonlocal task`) of such a function. Such a task is
kept, not lost; only nothing reads its result or errors. Read from the calls the scan records
(`Scope.blocking`) and the loop facts (`Scope.endless`): no new walk.

A task that removes its own entry from its collection at the end of its body, not in a
`finally`, stays in the collection when it fails or is cancelled. One that cancels itself there
(`self._update_task.cancel()` at the end of the coroutine kept in `self._update_task`) is
finishing anyway: that is no end by its owner (`without_its_own_cancels`).
"""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.obligations.coroutines import (
    loop_words,
    runs_own_method,
    runs_until_cancelled,
    spawned_function,
)
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import where
from taskleak.analysis.obligations.sentinels import sentinel_stopper
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import callee_text, dotted, last_name, leaves_the_loop, truth
from taskleak.analysis.tree.scopes import CallSite, Occurrence, Scope, ScopeKind, defined_function
from taskleak.analysis.tree.vocabulary import (
    FLAG_CALLS,
    FLAG_STOPS,
    INIT_METHODS,
    LOOP_RUN_FUNCTIONS,
    LOOP_RUN_METHODS,
)
from taskleak.analysis.tree.walk import descendants


def held_while(holder_scope: Scope, site: CallSite, resolver: Resolver) -> str:
    """What keeps `holder_scope` (the function a local belongs to) running while the task
    spawned at `site` runs: "start() blocks in self.loop.run_forever()", or ""."""
    if holder_scope.kind is not ScopeKind.FUNCTION:
        return ""
    after = site.seq if site.scope is holder_scope else 0  # a closure runs during the block
    runs = [call for seq, call in holder_scope.blocking if seq >= after and (
        last_name(call.func) in LOOP_RUN_METHODS
        or _runs_a_loop(call.func, holder_scope, resolver))]
    if runs:  # the longest: run_forever() when there is one
        call = next((c for c in runs if last_name(c.func) == "run_forever"), runs[0])
        return f"{holder_scope.name}() blocks in {callee_text(call.func)}()"
    if holder_scope.endless and holder_scope.is_async:
        return f"{holder_scope.name}() runs a `while` loop that never ends"
    return ""


def rebound_each_turn(holder_scope: Scope, site: CallSite) -> bool:
    """The spawn binds a local of its own function on every turn of a loop (its block does not
    leave the loop): a function that never returns holds only the last of those tasks, each
    turn letting the one before go (ari-client's per-event handler tasks)."""
    return site.scope is holder_scope and bool(site.loops) and not leaves_the_loop(site.path)


def _runs_a_loop(func: cst.BaseExpression, scope: Scope, resolver: Resolver) -> bool:
    sym = resolver.resolve(func, scope)
    return sym.kind is SymKind.QUALIFIED and sym.name in LOOP_RUN_FUNCTIONS


def pruned_only_on_success(site: CallSite, prunes: list[Occurrence]) -> str:
    """"self._handle()" when the only thing that removes the task's entry from its collection
    is its own coroutine (a function of this module), outside a `finally`: a task that fails or
    is cancelled skips it and stays in the collection. A cancel, an await or a gather elsewhere
    ends the task but removes no entry (a cancel is what makes it skip its removal); another
    prune (a done-callback's, a `clear()`) makes this moot."""
    if not prunes or any(o.dest.kind is not Flow.PRUNE for o in prunes):
        return ""
    args = site.args
    coro = args[0].value if args else None
    if not isinstance(coro, cst.Call):
        return ""
    target = defined_function(coro.func, site.scope)
    if target is None:
        return ""
    for occ in prunes:
        if not occ.scope.within(target) or in_cleanup(occ.path):
            return ""
    return f"{callee_text(coro.func)}()"


def in_cleanup(path: tuple[cst.CSTNode, ...]) -> bool:
    """A `finally`, or an `except` that catches cancellation (bare, BaseException,
    CancelledError), around the read."""
    for node in path:
        if isinstance(node, cst.Finally):
            return True
        if isinstance(node, cst.ExceptHandler) and (
                node.type is None or (dotted(node.type) or "").rsplit(".", 1)[-1]
                in ("BaseException", "CancelledError")):
            return True
    return False


def stopped_on_signal(site: CallSite) -> str:
    """"stopped by close() through self._running": another method of the owner's class ends the
    spawned coroutine's `while` loop through the flag it tests. A cooperative shutdown path, as
    good as a cancel there (the labelled sets grade it so: kept and ended)."""
    found = stopper(site)
    if found is not None:
        return f"stopped by {found[1].name}() through {found[2]}"
    target = running_function(site)
    cls = target.enclosing_class() if target is not None else None
    put = sentinel_stopper(target, cls) if target is not None and cls is not None else None
    return f"stopped by {put[0].name}() through {put[1]}" if put is not None else ""


def left_for_good(site: CallSite) -> bool:
    """RUBRIC convention 4's "runs until cancelled", as this module can tell: the spawned
    coroutine never ends by itself (`runs_until_cancelled`) and no flag or sentinel of its
    class stops it (`stopped_on_signal`): a loop its owner stops through its flag has a way
    out that is no cancel, so an end a cancel skips does not leave it running for good (the
    join reads the same of another module's loop: `project/flag_stops.py`)."""
    return runs_until_cancelled(site) and not owner_stop(site)


def owner_stop(site: CallSite) -> str:
    """`stopped_on_signal` of a task that runs a method of its own object (`self._poll()`),
    whose other methods (its close) can stop it; "" otherwise: a local object's stop
    (`poller.stop()`) is the spawning function's own, skipped with the rest of its way out."""
    return stopped_on_signal(site) if runs_own_method(site) else ""


def never_done(sp: Spawn, eff: Effects) -> str:
    """What is true of the loop of a task kept in a collection that only a done-callback
    prunes (`eff.only_prunes`), when its coroutine never ends by itself: a loop with no `break` or
    `return` that no flag or sentinel of its class stops (`stopped_on_signal`). Pruned once it
    is done, it never is, and nothing cancels it: no shutdown path (RUBRIC: medium). ""
    otherwise."""
    if not eff.only_prunes:
        return ""
    words = loop_words(sp)
    return words if words and not stopped_on_signal(sp.site) else ""


def joined_by(site: CallSite) -> str:
    """"stopped through self._close and waited for in stop() (self._closed, which it sets in a
    `finally`)": the method that stops the coroutine's loop then awaits an event the coroutine
    sets in a `finally` of its own body, so the task has ended (or is about to) when it returns:
    a join, as good as awaiting the task. "" otherwise."""
    found = stopper(site)
    if found is None:
        return waited_for_its_end(site)
    target, method, flag = found
    waited = {o.key.partition(".")[2] for s in method.walk() for o in s.occurrences
              if o.dest.kind is Flow.METHOD and o.dest.callee == "wait"
              and o.key.startswith(f"{method.self_name}.")}
    for s in target.walk():
        for o in s.occurrences:
            base, _, attr = o.key.partition(".")
            if base == target.self_name and attr in waited and o.dest.kind is Flow.METHOD \
                    and o.dest.callee == "set" and any(isinstance(n, cst.Finally) for n in o.path):
                return (f"stopped through {flag} and waited for in {method.name}() "
                        f"({method.self_name}.{attr}, which it sets in a `finally`)")
    return ""


def waited_for_its_end(site: CallSite) -> str:
    """"waited for in close() (self._closed, which _run() sets in a `finally`)": another method
    of the class awaits an event that the spawned coroutine (a method of the same class) sets
    in a `finally` of its body, so when that method returns the task has ended (or is about
    to): a join, as good as awaiting the task. One set as its last statement (not when it
    fails) counts only when the method first stops it with a message on a queue the coroutine
    reads ("stopped through self.queue and waited for in close() ..."). For a task with no
    endless loop; "" otherwise."""
    target = spawned_function(site, calls_only=True)
    cls = target.enclosing_class() if target is not None else None
    if target is None or cls is None or not target.self_name or target.endless \
            or not isinstance(target.node, cst.FunctionDef) or not target.node.body.body:
        return ""
    last = target.node.body.body[-1]
    events: dict[str, str] = {}
    for s in target.walk():
        for o in s.occurrences:
            if o.dest.kind is Flow.METHOD and o.dest.callee == "set" \
                    and o.key.startswith(f"{target.self_name}."):
                if any(isinstance(n, cst.Finally) for n in o.path):
                    events[o.key.partition(".")[2]] = "in a `finally`"
                elif any(n is last for n in o.path):
                    events.setdefault(o.key.partition(".")[2], "as it ends")
    if not events:
        return ""
    read = _attributes_called(target, target.self_name, {"get", "get_nowait"})  # its queues
    for method in cls.children:
        if method is target or method.kind is not ScopeKind.FUNCTION or not method.self_name:
            continue
        # how it stops the task first, when it says so: a message on a queue the task reads
        told = read & _attributes_called(method, method.self_name, {"put", "put_nowait"})
        for o in (o for s in method.walk() for o in s.occurrences):
            base, _, attr = o.key.partition(".")
            if base == method.self_name and attr in events and o.dest.kind is Flow.METHOD \
                    and o.dest.callee == "wait" and len(o.path) > 2 \
                    and isinstance(o.path[-3], cst.Await) \
                    and (told or events[attr] != "as it ends"):  # `await self._stopped.wait()`
                # (set only as it ends, not when it fails: a join only once it is told to stop)
                stops = f"stopped through {method.self_name}.{min(told)} and " if told else ""
                return (f"{stops}waited for in {method.name}() ({o.key}, which "
                        f"{target.name}() sets {events[attr]})")
    return ""


def closure_joined(site: CallSite, callback: str) -> str:
    """"sync() waits for its end through `e`, which f() sets in a `finally`": the coroutine
    function called back (`callback`) is nested in the spawning function, sets an event of
    that function in a `finally` of its body, and the function (or a function nested in it)
    waits on that event: a join, however the coroutine was started. "" otherwise."""
    fn = site.scope.function()
    target = next((c for c in fn.children if c.kind is ScopeKind.FUNCTION
                   and c.name == callback), None) if fn is not None else None
    if fn is None or target is None:
        return ""
    events = {o.key for s in target.walk() for o in s.occurrences
              if "." not in o.key and o.key in fn.bindings and o.key not in target.bindings
              and o.dest.kind is Flow.METHOD and o.dest.callee == "set"
              and any(isinstance(n, cst.Finally) for n in o.path)}
    waits = (o for s in fn.walk() if s is not target for o in s.occurrences
             if o.key in events and o.dest.kind is Flow.METHOD and o.dest.callee == "wait")
    wait = next(waits, None)
    return (f"{fn.name}() waits for its end through `{wait.key}`, which {target.name}() sets "
            "in a `finally`") if wait is not None else ""


def _attributes_called(fn: Scope, self_name: str, methods: set[str]) -> set[str]:
    """The attributes of `self` whose `methods` `fn`'s body calls (`self.queue.get()`:
    "queue")."""
    out: set[str] = set()
    for node in descendants(fn.node):
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                and node.func.attr.value in methods:
            base, _, attr = (dotted(node.func.value) or "").partition(".")
            if base == self_name and attr and "." not in attr:
                out.add(attr)
    return out


def stopper(site: CallSite) -> tuple[Scope, Scope, str] | None:
    """(the coroutine whose loop the task runs, the method of its class that stops its `while`
    loop, the flag it stops it through), or None."""
    target = running_function(site)
    cls = target.enclosing_class() if target is not None else None
    if target is None or cls is None or not target.loop_flags or not target.self_name:
        return None
    for flag in target.loop_flags:
        negated = flag.startswith("!")
        flag = flag.lstrip("!")
        base, _, attr = flag.partition(".")
        if base != target.self_name or not attr or "." in attr:
            continue
        # `self._running = False` stops `while self._running`; `= True` stops `while not ...`
        for value, scope in cls.attr_bindings.get(attr, []):
            method = scope.method()
            if method is not None and method is not target and method.name not in INIT_METHODS \
                    and truth(value) is negated:
                return target, method, flag
        roles = FLAG_STOPS["loop!" if negated else "loop"]
        stoppers = {call for call, role in FLAG_CALLS.items() if role in roles}
        for method in cls.children:
            if method is target or method.kind is not ScopeKind.FUNCTION or not method.self_name:
                continue
            key = f"{method.self_name}.{attr}"
            if any(o.key == key and o.dest.kind is Flow.METHOD and o.dest.callee in stoppers
                   for s in method.walk() for o in s.occurrences):
                return target, method, flag
    return None


def running_function(site: CallSite) -> Scope | None:
    """The function whose `while` loop the task's life is: the spawned coroutine (a function of
    this module), or, when it has no `while` of its own, the method of its class that it awaits
    (`await self._run()`, or a task of it that it awaits), two calls deep at most."""
    target = spawned_function(site, calls_only=True)
    for _ in range(2):
        cls = target.enclosing_class() if target is not None else None
        if target is None or cls is None or not target.self_name \
                or any(isinstance(n, cst.While) for n in descendants(target.node)):
            return target
        inner = _awaited_method(target, cls)
        if inner is None:
            return target
        target = inner
    return target


def _awaited_method(fn: Scope, cls: Scope) -> Scope | None:
    """The method of `cls` that `fn` awaits a call of, or spawns a task of (`await
    self._run()`, `t = create_task(self._run()); await t`), one with a `while` loop first;
    or None."""
    methods = {m.name: m for m in cls.children if m.kind is ScopeKind.FUNCTION}
    found: list[Scope] = []
    for node in descendants(fn.node):
        call = node.expression if isinstance(node, cst.Await) else \
            node.args[0].value if isinstance(node, cst.Call) and node.args \
            and last_name(node.func) in _TASK_SPAWNS else None
        if isinstance(call, cst.Call):
            base, _, name = (dotted(call.func) or "").partition(".")
            if base == fn.self_name and name in methods and methods[name] is not fn:
                found.append(methods[name])
    looping = [m for m in found if m.loop_flags]
    return (looping or found)[0] if found else None


# What makes a task of the coroutine it is given (for `_awaited_method`).
_TASK_SPAWNS = frozenset({"create_task", "ensure_future"})


# Runners that cancel every task still running when their main coroutine returns.
_CANCELLING_RUNNERS = frozenset({"asyncio.run", "uvloop.run"})


def cancelled_on_return(fn: Scope, module: Scope, resolver: Resolver) -> str:
    """"asyncio.run()" when `fn` is the coroutine a call in this module gives to `asyncio.run`
    (`asyncio.run(main())`): when it returns, the runner cancels every task left running.
    "" otherwise (another runner, or `fn` is not known to be run that way)."""
    if not fn.is_async:
        return ""
    return next((f"{runner}()" for run, scope, runner in runs_of_coroutines(module, resolver)
                 if defined_function(run.func, scope) is fn), "")


def runs_of_coroutines(module: Scope, resolver: Resolver
                       ) -> Iterator[tuple[cst.Call, Scope, str]]:
    """Each `asyncio.run(f())` (or `uvloop.run`) of the module: the call it is given (`f()`),
    the scope it is made in, the runner's qualified name."""
    for scope in module.walk():
        for _, call in scope.blocking:
            arg = call.args[0].value if call.args else None
            if isinstance(arg, cst.Call):
                sym = resolver.resolve(call.func, scope)
                if sym.kind is SymKind.QUALIFIED and sym.name in _CANCELLING_RUNNERS:
                    yield arg, scope, sym.name


def ended_only_on_error(ends: list[Occurrence], awaited: bool,
                        spawned: tuple[cst.CSTNode, ...] = ()) -> bool:
    """Every cancel (or gather) of a local's task sits in an `except` handler, and nothing
    awaits it: the handler runs only when its function fails or is cancelled, so on the way
    out by a `return` the local is dropped with the task still running
    (`try: await waiter; except CancelledError: task.cancel(); raise`). A handler the spawn is
    in too (`spawned`: the nodes above it) is the path it runs on, not an error path."""
    above = {id(n) for n in spawned}
    return bool(ends) and not awaited and all(
        any(isinstance(n, cst.ExceptHandler) and id(n) not in above for n in o.path)
        for o in ends)


def without_its_own_cancels(site: CallSite, eff: Effects) -> Effects:
    """`eff` without the cancels made by the task itself: those in the coroutine the spawn
    runs (a function of this module). It is finishing when it cancels itself at the end of its
    body, and a failure before that skips it: nothing else ends it then."""
    target = spawned_function(site, calls_only=True) if eff.cancel_reads else None
    if target is None:
        return eff
    own = [o for o in eff.cancel_reads if o.scope.within(target)]
    if not own:
        return eff
    others = [o for o in eff.cancel_reads if not o.scope.within(target)]
    gone = {where(o.scope) for o in own} - {where(o.scope) for o in others}
    out = eff.copy()  # new lists: see Effects.copy()
    out.cancel_reads = others
    out.cancels = [p for p in eff.cancels if p not in gone]
    out.own_cancels = own
    return out
