"""What each function of a module does with a Task its parameter receives (`ParamUse`).

A caller in another module that hands a task to `utils.cancel_and_drain(task)` or
`log_errors(task)` cannot read the callee's body; this module can, and says once per file what
each parameter's reads do: the same reading `passed.py` makes of a function of the caller's own
module (`Ownership.effects` of the parameter). A parameter counts only where the body shows it
holds a task or future (it cancels, awaits or gathers it, or adds a done-callback to it) or
tasks (it iterates it in a body that does so: `for fut in futures: fut.cancel()`), so ordinary
parameters cost nothing; positional ones, `*args` and `**kwargs` (`for name, task in
tasks.items()`); a collection it prunes (`tasks.discard(task)`: a done-callback handed
`partial(drop_task, self._tasks)`) is pruned there. Kept (stored, put in a collection) or
handed on: no use is exported, and the caller's hand-off stays not followed; but kept in an
attribute of the function's own object (or a collection it holds) that the object's methods
end, it is a transfer to an owner that ends it: exported as an end (`kept_by_its_owner`).

A parameter's task re-wrapped and waited in a race that leaves it running
(`ensured = [ensure_future(fut) for fut in futures]; await asyncio.wait(ensured, timeout=t)`,
whose `ensure_future` gives back the very task it is handed) is left running by the function:
`ParamUse.left_by`, read off that spawn's fate, so a caller handing it tasks learns that the
function's return does not mean they ended.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import libcst as cst

from taskleak.analysis.facts.calls import ParamUse
from taskleak.analysis.facts.fates import Fate, FateKind, Keeper, said_of_the_end
from taskleak.analysis.names.asyncio_waits import passes_its_cancel
from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.handoffs import to_a_builtin
from taskleak.analysis.obligations.lifetimes import cancelled_on_return
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.passed import received_effects
from taskleak.analysis.obligations.race_fates import RaceFates
from taskleak.analysis.obligations.races import Race, race_of, timeout_around
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.obligations.waits import left_running, reached_after
from taskleak.analysis.tree.dests import Flow, Waited
from taskleak.analysis.tree.scopes import Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import ENSURE_FUTURE
from taskleak.analysis.tree.walk import descendants

# Reads that show a parameter holds a task or future (or, iterated, holds tasks), or a
# collection of them that the function prunes (`tasks.discard(task)` in a done-callback).
_TASK_READS = frozenset({Flow.CANCEL, Flow.AWAITED, Flow.GATHERED, Flow.DONE_CALLBACK})
_COLLECTION_READS = frozenset({Flow.PRUNE})
# What an `ensure_future(fut)` of a parameter's task may do with it that the caller's task
# shares: a race leaves it running, or the local or collection it is kept in is ended.
_ENSURED_FATES = frozenset({FateKind.LEFT_RUNNING, FateKind.LOCAL_CLEANED,
                            FateKind.COLLECTION_CLEANED})
# Annotations that say a parameter holds a task or future, or a collection of them.
_TASK_TYPES = frozenset({"asyncio.Task", "asyncio.tasks.Task", "asyncio.Future",
                         "asyncio.futures.Future", "concurrent.futures.Future",
                         "concurrent.futures._base.Future"})


def _task_parameters(fn: Scope, resolver: Resolver) -> Iterator[tuple[int, str, bool]]:
    """(position, name, whether it is `*args`) of the parameters of `fn` its own body reads
    as a task, or iterates where it reads something as a task (`for fut in futures:
    fut.cancel()`), or that are annotated as tasks and handed to no call but a builtin's
    (what a call does with them would be a guess); `**kwargs` is at position -1 (`for name,
    task in tasks.items()`)."""
    assert isinstance(fn.node, cst.FunctionDef)
    reads = {o.key for o in fn.occurrences if o.dest.kind in _TASK_READS}
    pruned = {o.key for o in fn.occurrences if o.dest.kind in _COLLECTION_READS}
    params = fn.node.params
    star = params.star_arg if isinstance(params.star_arg, cst.Param) else None
    # `*tasks: asyncio.Task[None]` annotates each of the tasks it receives
    typed = {p.name.value for p in (*params.posonly_params, *params.params,
                                    *([star] if star is not None else []))
             if p.annotation is not None and _names_a_task(p.annotation.annotation, fn, resolver)}
    if typed:
        typed -= {o.key for s in fn.walk() for o in s.occurrences
                  if o.key in typed and o.dest.kind is Flow.PASSED
                  and not to_a_builtin(o, resolver)}
    if not reads and not pruned and not typed:
        return
    reads |= {o.key for o in fn.occurrences if o.dest.kind is Flow.ITER} if reads else set()
    reads |= pruned | typed
    names = _positional(fn.node)
    for position, name in enumerate(names):
        if name in reads and name != fn.self_name:
            yield position, name, False
    if star is not None and star.name.value in reads:
        yield len(names), star.name.value, True
    if params.star_kwarg is not None and params.star_kwarg.name.value in reads:
        yield -1, params.star_kwarg.name.value, True


def parameter_uses(root: Scope, ownership: Ownership, spawns: Sequence[Spawn] = (),
                   fates: Sequence[tuple[Fate, ...]] = ()) -> tuple[ParamUse, ...]:
    """The uses of the module's functions' task parameters that end them, do nothing, or
    leave them running (`_ensured_uses`: what an `ensure_future` of the parameter's task does
    with it, which wins over the rest for its parameter)."""
    left = {(u.function, u.index): u for u in _ensured_uses(spawns, fates)}
    out: list[ParamUse] = list(left.values())
    for fn in root.walk():
        if fn.kind is not ScopeKind.FUNCTION or not isinstance(fn.node, cst.FunctionDef):
            continue
        for position, name, star in _task_parameters(fn, ownership.resolver):
            if (fn.qualname, position) in left:
                continue
            eff = received_effects(ownership, fn, name)
            race = _raced_and_left(fn, name, eff, ownership)
            if race is not None:  # `await asyncio.wait({ready, work}, FIRST_COMPLETED)`
                out.append(ParamUse(fn.qualname, position, name, fn.self_name is not None, "",
                                    star, left_by=f"{race.call} in {fn.name}()",
                                    left=race.left))
                continue
            ends = eff.cleanup or kept_by_its_owner(ownership, eff) or ""
            if not ends and (eff.stores or eff.collections or eff.key_collections or eff.weak
                             or eff.handed):
                continue  # kept, or handed on: not followed
            out.append(ParamUse(fn.qualname, position, name, fn.self_name is not None, ends,
                                star, cut_by=cut_by(fn, name, ownership.resolver)))
    return tuple(out)


def _raced_and_left(fn: Scope, name: str, eff: Effects, ownership: Ownership
                    ) -> Race | None:
    """A wait in `fn`'s own body that races what the parameter holds and returns with it
    still running, nothing in `fn` ending it then or handing it on (the question
    `RaceFates.left_running` asks of a task handed to a function of its own module): the
    function's return does not mean the caller's task ended. None when no such wait is
    known, or one is ended on the normal way out only (RUBRIC convention 2, a caller's
    question)."""
    # (the parameter itself waited: a task made of it, `create_task(coro)`, is no task of the
    # caller's, and `ensure_future(fut)` of it is `_ensured_uses`'s)
    races = [(o, race_of(o.path, o.seq, o.scope, ownership.resolver)) for o in eff.gather_reads
             if o.scope.function() is fn and o.key == name]
    ends = eff.cancel_reads + eff.await_reads + [o for o, race in races if race is None]
    for _, race in races:
        if race is None:
            continue
        pending = RaceFates(ownership).pending(race)
        all_ends = ends + pending.cancel_reads + pending.await_reads
        left = left_running(race, all_ends, ())
        if left is None or any(reached_after(race, o)
                               for o in [*eff.handed_reads, *pending.handed_reads]):
            continue
        if cancelled_on_return(fn, ownership.module, ownership.resolver):
            continue  # `asyncio.run(serve(...))`: what it leaves running is cancelled
        return left
    return None


def cut_by(fn: Scope, name: str, resolver: Resolver) -> str:
    """The timeout that cancels what parameter `name` holds while `fn` waits for it: an
    `await` of it in a timeout's body, `asyncio.wait_for(it, timeout)`, or a `gather` or
    `wait_for` of it in a timeout's body ("the timeout of asyncio.timeout()"); "" when no wait
    of it in `fn`'s own body can be cut short so (`asyncio.wait` cancels nothing it waits
    for)."""
    for occ in fn.occurrences:
        if occ.key != name or not occ.path:
            continue
        d = occ.dest
        if (d.kind is Flow.AWAITED and d.waited is Waited.AWAIT) or (
                d.kind is Flow.GATHERED and d.call is not None
                and passes_its_cancel(d.call, fn, resolver)):
            timeout = timeout_around(occ.path)
            if timeout:
                return timeout
    return ""


def kept_by_its_owner(ownership: Ownership, eff: Effects) -> str:
    """A transfer: the parameter's task is stored in an attribute (or a collection held by one)
    of the function's own object, which that object's methods end (`self._tasks.add(task)`,
    pruned by its done-callback and cancelled in `stop()`): the caller handing it over has
    given it to an owner that ends it. "handed to self._tasks (cancelled in stop(), pruned in
    _keep())", or "" when no such owner ends it."""
    for target, scope in [*eff.collections, *eff.stores]:
        holder = ownership.holder_for(target, scope)
        if holder is None or holder.kind is not Keeper.ATTRIBUTE:
            continue
        cleanup = ownership.effects(holder).cleanup
        if cleanup:
            return f"handed to {holder.label} ({cleanup})"
    return ""


def _ensured_uses(spawns: Sequence[Spawn], fates: Sequence[tuple[Fate, ...]]
                  ) -> Iterator[ParamUse]:
    """`ensure_future(fut)` of a parameter, or of the name a loop or comprehension over it
    binds, whose one fate is a race that leaves it running, or an end of the local or
    collection it is kept in: a task the caller hands in comes back as itself, and that fate is
    the caller's task's (the comprehension's `fut` is its own variable, not the `fut` a later
    `for fut in pending: fut.cancel()` binds: the end is read off the spawn's fate)."""
    for sp, fs in zip(spawns, fates, strict=True):
        fn = sp.site.scope.function()
        if len(fs) != 1 or fs[0].kind not in _ENSURED_FATES or fn is None \
                or (fs[0].kind is not FateKind.LEFT_RUNNING and not fs[0].cleanup) \
                or sp.spawner not in ENSURE_FUTURE or not sp.site.args \
                or not isinstance(fn.node, cst.FunctionDef):
            continue
        given = sp.site.args[0].value
        if not isinstance(given, cst.Name):
            continue
        name = given.value
        for node in reversed(sp.site.path):  # `for fut in futures`: the parameter iterated
            loop = node.for_in if isinstance(node, cst.BaseComp) else node
            if isinstance(loop, (cst.CompFor, cst.For)) and isinstance(loop.target, cst.Name) \
                    and loop.target.value == name and isinstance(loop.iter, cst.Name):
                name = loop.iter.value
                break
        names = _positional(fn.node)
        star = fn.node.params.star_arg
        if name in names and name != fn.self_name:
            position, rest = names.index(name), False
        elif isinstance(star, cst.Param) and star.name.value == name:
            position, rest = len(names), True
        else:
            continue
        if fs[0].kind is not FateKind.LEFT_RUNNING:
            yield ParamUse(fn.qualname, position, name, fn.self_name is not None,
                           said_of_the_end(fs[0]), rest)
            continue
        yield ParamUse(fn.qualname, position, name, fn.self_name is not None, "", rest,
                       left_by=f"{fs[0].callee} in {fn.name}()", left=fs[0].left)


def _names_a_task(annotation: cst.BaseExpression, fn: Scope, resolver: Resolver) -> bool:
    """The annotation says the parameter holds tasks or futures (`asyncio.Task[None]`,
    `set[Task[Any]]` with `Task` imported from asyncio, `Iterable[asyncio.Future]`), whatever
    the body does with it; a class of another name (`huey.Task`) says nothing."""
    for n in descendants(annotation):
        if isinstance(n, (cst.Name, cst.Attribute)):
            sym = resolver.resolve(n, fn)
            if sym.kind is SymKind.QUALIFIED and sym.name in _TASK_TYPES:
                return True
    return False


def _positional(fn: cst.FunctionDef) -> list[str]:
    """The names of `fn`'s positional parameters, `self` included."""
    return [p.name.value for p in (*fn.params.posonly_params, *fn.params.params)]
