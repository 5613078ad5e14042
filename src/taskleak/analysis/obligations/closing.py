"""What the owner's closing does with a task kept in one of its attributes.

Two facts: which close-like methods end (or do not end) the task, for the message of a task
never ended (`close() cancels only self._ws`); and whether the task *is* the closing, a close
method's own shutdown work deliberately left to run, whose outcome a done-callback reads. Such
a task is not left behind by the close: it is the close, it ends by itself, and its errors are
seen, so it is kept and ended (the fixer also declines to cancel it in close(): that would stop
the shutdown itself).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.names.chains import receiver_chain
from taskleak.analysis.names.dynamic_reads import ended_through_getattr
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.coroutines import endless
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.finalisers import finaliser_of_its_object
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.lifetimes import joined_by, stopped_on_signal
from taskleak.analysis.obligations.object_stops import stopped_through_its_object
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.scopes import Occurrence, Scope, ScopeKind, defined_function
from taskleak.analysis.tree.vocabulary import ends_lifecycle
from taskleak.analysis.tree.walk import descendants

# A done-callback that calls one of these on the task it is given reads the task's outcome.
_OUTCOME_READS = frozenset({"result", "exception"})


def closers(holder: Holder, sp: Spawn, eff: Effects) -> str:
    """`close() cancels only self._ws`: what the owner's close-like methods clean up. The
    method that spawns the task, the one it runs and its done-callbacks are not its closers,
    whatever their names."""
    if holder.kind is not Keeper.ATTRIBUTE:
        return ""
    own = {sp.site.scope.method()}
    coro = sp.coroutine
    if isinstance(coro, cst.Call):
        own.add(defined_function(coro.func, sp.site.scope))
    own.update(defined_function(cb, o.scope) for o in eff.occurrences
               if (cb := o.done_callback) is not None)
    parts: list[str] = []
    for child in holder.scope.children:
        if child.kind is not ScopeKind.FUNCTION or not ends_lifecycle(child.name) \
                or child in own or finaliser_of_its_object(sp, child):
            continue
        cancelled = sorted({o.key for s in child.walk()
                            for o in s.occurrences if o.dest.kind is Flow.CANCEL})
        if cancelled:
            parts.append(f"{child.name}() cancels only {', '.join(cancelled)}")
        else:
            parts.append(f"{child.name}() does not cancel it")
    return "; ".join(parts[:2])


def owner_ends(sp: Spawn, holder: Holder, eff: Effects) -> str:
    """How the owner ends a kept task that no cancel or await reaches, or "": a method that
    stops its loop and waits for its end (`joined_by`), or only stops it, through a flag or a
    sentinel (`stopped_on_signal`), or through the object it works on
    (`stopped_through_its_object`); a cancel through `getattr(self, name)`; or, for a task that
    ends by itself, the close's own work whose outcome a done-callback reads."""
    site = sp.site
    attribute = holder.kind is Keeper.ATTRIBUTE
    return joined_by(site) or stopped_on_signal(site) \
        or (stopped_through_its_object(site) if attribute else "") \
        or (ended_through_getattr(holder.name, holder.scope) if attribute else "") \
        or ("" if endless(site) else closing_work(sp, holder, eff))


def closing_work(sp: Spawn, holder: Holder, eff: Effects) -> str:
    """How a kept task that ends by itself is seen to end ("ends by itself as the shutdown work
    of close(); the done-callback _closed() reads its outcome", "ends by itself; the
    done-callback _done() reads its outcome"), or "". Such a task is kept in an attribute, a
    global or another object's attribute, with a done-callback of this module (added to the
    holder, or to the local the spawn is bound to first) that calls `.result()` or `.exception()`
    on the task it receives, and no close-like method of its owner leaves it running. (The caller
    rules out a task that never ends by itself.)"""
    if holder.kind not in (Keeper.ATTRIBUTE, Keeper.GLOBAL, Keeper.DOTTED):
        return ""
    method = sp.site.scope.method()
    bound = {t.value for t in sp.site.dest.targets if isinstance(t, cst.Name)} \
        if sp.site.dest.kind is Flow.BOUND else set()
    first = [o for o in sp.site.scope.occurrences if o.key in bound and o.seq > sp.site.seq]
    reader = _first_reader([*eff.occurrences, *first])
    if reader and method is not None and ends_lifecycle(method.name):
        return (f"ends by itself as the shutdown work of {method.name}(); the done-callback "
                f"{reader} reads its outcome")
    if reader and not closers(holder, sp, eff):  # a close() that leaves it running: no
        return f"ends by itself; the done-callback {reader} reads its outcome"
    return ""


def imported_reader(sp: Spawn, holder: Holder, eff: Effects, resolver: Resolver) -> str:
    """For a kept task that ends by itself and that no close-like method leaves running (as
    `closing_work` asks), the chain of a done-callback this module imports (`callback_chain`):
    the join asks its module whether it reads the outcome (`QuestionKind.CALLBACK_READS`,
    `project/done_callbacks.py`), so the row is `closing_work`'s wherever the callback lives."""
    if holder.kind not in (Keeper.ATTRIBUTE, Keeper.GLOBAL, Keeper.DOTTED):
        return ""
    # (the chain first: most kept tasks have no imported done-callback, and `closers` walks
    # the owner's close-like methods, as the caller's fate already did once)
    chain = callback_chain(eff, resolver)
    return chain if chain and not endless(sp.site) and not closers(holder, sp, eff) else ""


def read_by_callback(eff: Effects) -> str:
    """"the done-callback _done() reads its outcome" when a done-callback added to the holder
    reads the task's outcome, else ""."""
    reader = _first_reader(eff.occurrences)
    return f"the done-callback {reader} reads its outcome" if reader else ""


def _first_reader(occurrences: list[Occurrence]) -> str:
    """The first done-callback added through `occurrences` that reads the task's outcome, as
    shown (`outcome_reader`), or ""."""
    for o in occurrences:
        callback = o.done_callback
        reader = outcome_reader(callback, o.scope) if callback is not None else ""
        if reader:
            return reader
    return ""


def outcome_reader(callback: cst.BaseExpression, scope: Scope) -> str:
    """The callback's name as shown (`_closed()`, `a lambda`) when it reads the outcome of the
    task it receives, else ""."""
    if isinstance(callback, cst.Lambda):
        params = [p.name.value for p in callback.params.params]
        return "a lambda" if params and _reads_outcome(callback.body, params[0]) else ""
    fn = defined_function(callback, scope)
    if fn is None or not isinstance(fn.node, cst.FunctionDef):
        return ""
    # `self._closed`: a bound method, given the task after `self`
    bound = fn.self_name is not None and isinstance(callback, cst.Attribute)
    return f"{fn.name}()" if reads_its_task(fn, bound) else ""


def reads_its_task(fn: Scope, bound: bool) -> bool:
    """The function, called back with a task (after `self` when `bound`), reads its outcome
    (`Exports.outcome_readers`, for the modules that add it as a done-callback)."""
    if not isinstance(fn.node, cst.FunctionDef):
        return False
    params = [p.name.value for p in (*fn.node.params.posonly_params, *fn.node.params.params)]
    params = params[1:] if bound else params
    if not params:
        return False
    # (the scan recorded every `task.result` read under the function and what happens to it:
    # asked of every function of a module, walking each body again was a tenth of mid's
    # analysis)
    wanted = {f"{params[0]}.{method}" for method in _OUTCOME_READS}
    return any(o.key in wanted and o.dest.kind is Flow.CALLED
               for scope in fn.walk() for o in scope.occurrences)


def callback_chain(eff: Effects, resolver: Resolver) -> str:
    """The chain (`names/chains.py`) of the first done-callback added to the holder that this
    module does not define (`utils.log_errors`, imported): the module defining it says whether
    it reads the task's outcome (`QuestionKind.CALLBACK_READS`); "" when there is none."""
    for o in eff.occurrences:
        callback = o.done_callback
        if isinstance(callback, (cst.Name, cst.Attribute)) \
                and defined_function(callback, o.scope) is None:
            chain = receiver_chain(callback, o.scope, resolver)
            if chain:
                return chain
    return ""


def _reads_outcome(body: cst.CSTNode, param: str) -> bool:
    """`param.result()` or `param.exception()` is called under `body`."""
    return any(isinstance(n, cst.Call) and isinstance(n.func, cst.Attribute)
               and n.func.attr.value in _OUTCOME_READS and isinstance(n.func.value, cst.Name)
               and n.func.value.value == param for n in descendants(body))
