"""Which calls of a function that spawns into a holder cannot leave the old task running.

How often a re-spawn runs is counted from its callers (`lifecycle.py`); these calls do not
count (`not_again`): a caller that ends the old task first, one that calls only behind its own
test that the holder is empty, and a caller that waits for the task the function gives back
before it calls the function again.

`_start_read()` keeps its task in `self._recv_task` and returns it; a loop that calls
`read = self._start_read()` and then `await read` re-spawns only once the last task is done, so
the overwrite leaves nothing running (the issue's kind 3: a caller awaits the returned value).
So does a loop that calls it again only once the local holding the last one is done (kind 5:
`if pending in done: finished, pending = pending, self._start_read()`).
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.frequency.lifecycle import Lifecycle
from taskleak.analysis.frequency.reentry import reentering_task
from taskleak.analysis.obligations.coroutines import spawned_function
from taskleak.analysis.obligations.guards import ending_methods, guarded_call
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.liveness import ends_there, reaching_an_end
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import exit_word, failing_step, statements_after
from taskleak.analysis.tree.scopes import CallSite, Occurrence, Scope


def not_again(key: str, ends: list[Occurrence], gives: bool, ownership: Ownership,
              lifecycle: Lifecycle, storing: Scope | None = None, site: CallSite | None = None,
              flags: bool = True) -> Callable[[Occurrence], bool]:
    """Which calls of the function that spawns into holder `key` run nothing twice: a caller
    that ends the old task before its call (`ends`: the holder's cancels and awaits), or calls
    only behind its own test that the holder is empty or its started flag is not set (cleared
    only where the task is ended), or (`gives`: the function returns the
    task) waits for the task the call returns, or a call from a task the module starts only
    after ending the holder. `site`: the spawn, whose function may fail after it (a step
    there: `_skipped_on_a_retry`). `flags`: a started flag counts (not for a caller further up
    a chain, whose flag guards its own task, not this holder: `task_rounds.py`)."""
    keys = frozenset({key})
    enders = ending_methods(ends)
    memo: dict[int, dict[str, bool]] = {}
    # a call of the storing function may fail after its store: a step there, which runs at the
    # call when the function is a plain one, or where the call is awaited (`_skipped_on_a_retry`)
    plain = storing is not None and not storing.is_async
    fails = site is not None and storing is not None \
        and any(failing_step(s) for s in statements_after(site.path))

    def when(call: Occurrence) -> bool:
        return fails and (plain or _awaited(call))

    def reaching(cls: Scope) -> dict[str, bool]:  # (once per class: callers are asked many times)
        if id(cls) not in memo:
            memo[id(cls)] = reaching_an_end(cls, enders, storing)
        return memo[id(cls)]

    module = ownership.module if flags else None
    return lambda call: guarded_call(call, keys, module, enders) or _ended_before(
        call, ends, reaching, when(call)) or (gives and waits_for_result(call, ownership)) or (
        _started_after_its_end(call, ends, lifecycle, reaching))


def _ended_before(call: Occurrence, ends: list[Occurrence],
                  reaching: Callable[[Scope], dict[str, bool]], fails: bool = False) -> bool:
    """The function calling at `call` ends the holder before it: an end in the same scope
    earlier (or in the loop around it, before its next turn, unless a failure takes the loop
    round past it: `fails`, the call may fail after the store), or a call of an ending method
    (`reaching`: the methods of a class that end the holder)."""
    return any(e.scope is call.scope and (e.seq < call.seq or (
        _in_its_loop(e, call) and not _skipped_on_a_retry(e, call, fails))) for e in ends) \
        or _ended_first(call, reaching)


def _started_after_its_end(call: Occurrence, ends: list[Occurrence], lifecycle: Lifecycle,
                           reaching: Callable[[Scope], dict[str, bool]]) -> bool:
    """`call` is in a coroutine function that the module only ever starts as a task, each time
    after ending the holder (`_lost()` cancels and awaits `self.reader`, then starts
    `_reconnect()`, whose `connect()` stores the next reader): by the time the task calls, the
    task it replaces was ended. A function also called directly, or started before the end,
    does not qualify."""
    task = call.scope.function()
    if task is None:
        return False
    # (every read: one handed on uncalled, `call_later(1, self._reconnect)`, may run it with
    # no end first)
    starts = lifecycle.reads_of(task)
    return bool(starts) and all(
        read.dest.kind is Flow.CALLED and _started_here(read, task)
        and _ended_before(read, ends, reaching) for read in starts)


def _started_here(read: Occurrence, task: Scope) -> bool:
    """The call of `task` read at `read` is the coroutine of a spawn (`create_task(task())`)."""
    return any(spawned_function(site, calls_only=True) is task
               and any(n is site.node for n in read.path) for site in read.scope.calls)


def _ended_first(call: Occurrence, reaching: Callable[[Scope], dict[str, bool]]) -> bool:
    """The caller first calls, on its own object, a method that ends the holder (`restart()`:
    `await self.stop(); await self.start()`, `stop()` awaiting the task `start()` stores), itself
    or through the methods of its class it runs on `self` (`stop()` awaiting
    `self._cleanup_tasks()`, which cancels it: `liveness.reaching_an_end`)."""
    fn = call.scope.method()
    cls = fn.enclosing_class() if fn is not None else None
    if fn is None or cls is None or not fn.self_name:
        return False
    enders = reaching(cls)
    return any(o.dest.kind is Flow.CALLED and o.seq < call.seq and ends_there(o, fn, enders)
               for o in call.scope.occurrences)


def _in_its_loop(end: Occurrence, call: Occurrence) -> bool:
    """`end` is in the loop around `call` (after it: the handler of a retry loop that cancels
    before it goes round): it comes before the call's next turn."""
    loop = next((n for n in reversed(call.path) if isinstance(n, (cst.For, cst.While))), None)
    return loop is not None and any(n is loop for n in end.path)


def _skipped_on_a_retry(end: Occurrence, call: Occurrence, fails: bool) -> bool:
    """`end` follows `call` in the body of a `try`, in the loop around the call, with a handler
    that goes round (it ends in no `raise`, `return` or `break`), and something between them
    may fail: the call itself, when its function has a step that may fail after the store and
    runs it there (`fails`), or a step after the call. Then the failure takes the loop round
    past the end, and the next call stores over the live task (issue 69's retry loop: `while
    True: try: await self.connect(); await self._recv_task except OSError: await sleep(1)`,
    where `connect()` stores the reader and then authenticates). Near miss: an end in the
    handler or the `finally`, or a handler that leaves the loop."""
    for j, node in enumerate(call.path[:-2]):
        if not isinstance(node, cst.Try) or call.path[j + 1] is not node.body \
                or not any(n is node.body for n in end.path) \
                or not any(_goes_round(h) for h in node.handlers):
            continue
        statements = list(node.body.body)
        first = next((k for k, s in enumerate(statements) if s is call.path[j + 2]), None)
        last = next((k for k, s in enumerate(statements) if any(n is s for n in end.path)),
                    None)
        if first is None or last is None or last < first:
            continue
        if fails or any(failing_step(s) for s in statements[first + 1:last]):
            return True
    return False


def _awaited(call: Occurrence) -> bool:
    """The call's value is awaited where it is made (`await self.connect()`)."""
    return call.dest.result is not None and call.dest.result.kind is Flow.AWAITED


def _goes_round(handler: cst.ExceptHandler | cst.ExceptStarHandler) -> bool:
    """The handler's last statement neither raises, returns nor breaks: the loop goes on."""
    return exit_word(handler.body) not in ("raise", "return", "break")


def waits_for_result(call: Occurrence, ownership: Ownership) -> bool:
    """The value of the call read at `call` is awaited or cancelled after it, in the calling
    function (`await self._start()`, `read = self._start(); ...; await read`), or the call runs
    only once the local its value goes to is done (`if pending in done:`, `if t.done():`)."""
    result = call.dest.result
    if result is None:
        return False
    if result.kind is Flow.AWAITED:
        return True
    if result.kind is not Flow.BOUND:
        return False
    names = [n for n in (_receiver(t, call.path) for t in result.targets) if n]
    if any(_done_test(node.test, names) for j, node in enumerate(call.path[:-1])
           if isinstance(node, cst.If) and call.path[j + 1] is node.body):
        return True
    method = call.scope.method()
    # the local itself (not an alias: `finished, pending = pending, ...` hands on the old one),
    # after the call, and in a loop in the same round (not once the loop ends)
    for name in names:
        eff = ownership.effects(Holder(Keeper.LOCAL, name, name, call.scope))
        if any(o.key == name and o.seq > call.seq and o.scope.method() is method and (
                not call.loops or call.loops[0] in o.loops)
               for o in (*eff.await_reads, *eff.cancel_reads)):
            return True
    return False


def _receiver(target: cst.BaseExpression, path: tuple[cst.CSTNode, ...]) -> str:
    """The local the call's value goes to: `read` of `read = call()`, `pending` of
    `finished, pending = pending, call()` (the same position on both sides); "" if none."""
    if isinstance(target, cst.Name):
        return target.value
    if not isinstance(target, (cst.Tuple, cst.List)):
        return ""
    for j in range(len(path) - 1, 0, -1):
        value, element = path[j - 1], path[j]
        if isinstance(element, cst.Element) and isinstance(value, (cst.Tuple, cst.List)):
            k = list(value.elements).index(element)
            if k < len(target.elements) and isinstance(target.elements[k].value, cst.Name):
                name: str = target.elements[k].value.value  # type: ignore[attr-defined]
                return name
            return ""
    return ""


def _done_test(test: cst.BaseExpression, names: list[str]) -> bool:
    """`n in done` (the done set of a wait) or `n.done()`, for one of `names`."""
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1 \
            and isinstance(test.comparisons[0].operator, cst.In):
        return isinstance(test.left, cst.Name) and test.left.value in names
    return isinstance(test, cst.Call) and isinstance(test.func, cst.Attribute) \
        and test.func.attr.value == "done" and isinstance(test.func.value, cst.Name) \
        and test.func.value.value in names


def ended_per_event(lifecycle: Lifecycle, fn: Scope | None, ends: list[Occurrence],
                    origin: Scope | None = None) -> bool:
    """An end of the task in another method that runs per event too (`on_disconnect()` cancels
    what `on_connect()` spawns, both registered): it may come before each re-spawn of `fn`, so
    nothing proves a running task is left behind. Runs of that method from `fn` itself (a
    cleanup on its own error path) do not count, nor does a method that calls `fn` (it orders
    its end itself: `not_again`). Not when `fn` runs again from the loop of a task it starts
    (`origin`, where its frequency comes from): that loop calls it again with no event between."""
    if fn is None or reentering_task(lifecycle.started_by(fn), origin) is not None:
        return False
    return any((m := o.scope.method()) is not fn and m is not None and not lifecycle.calls(m, fn)
               and lifecycle.of(o.scope, lambda call: call.scope.method() is fn).repeats
               for o in ends)
