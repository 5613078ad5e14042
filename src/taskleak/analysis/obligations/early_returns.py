"""A `return` that leaves a function before the end of a task its local keeps, an `if` that the
only end sits in, and a loop that binds the local again before anything keeps the task.

`t = spawn(); ...; if ok: return; ...; await cancel_and_wait(t)`: on the way out by that return
the local is dropped with the task running, whatever the code after it does; so it is with
`if not pending: await t` when the test fails. Read from the spawn's path (the blocks around
it) and the paths the scan keeps for the reads that end or hand on the task. (A local that is
awaited anywhere is not judged by the `return`: `left_by_a_return`.)
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.obligations.closures import kept_by_a_closure
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.keys import keeper_of
from taskleak.analysis.obligations.lifetimes import ended_only_on_error
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import (
    NESTED_DEFINITIONS,
    leaves_the_loop,
    one_line,
    statements_after,
)
from taskleak.analysis.tree.scopes import CallSite, Occurrence
from taskleak.analysis.tree.walk import children, descendants

_HANDED_ON = (Flow.CANCEL, Flow.AWAITED, Flow.GATHERED, Flow.COLLECTION, Flow.RETURNED,
              Flow.PASSED, Flow.BOUND)
_NEITHER_ENDS_NOR_KEEPS = frozenset({Flow.INSPECT, Flow.DONE_CALLBACK, Flow.ITER})


def dropped_on_a_way_out(site: CallSite, eff: Effects, name: str) -> dict[str, str] | None:
    """A local's task ended (or handed on) only on some ways out of its function, the fate's
    facts saying which: cancelled only in an `except` handler (`cleanup`), or what a `return`
    before it skips (`skipped`); None when every way out ends it (as far as the reads show)."""
    cleanup = eff.cleanup or ""
    if cleanup and not (eff.handed or eff.prunes or eff.results) and ended_only_on_error(
            eff.cancel_reads + eff.gather_reads, bool(eff.awaits), site.path):
        return {"cleanup": cleanup}
    skipped = cleanup or (eff.handed[0].words if eff.handed else "")
    if skipped and left_by_a_return(site, eff, name):
        return {"skipped": skipped}
    test = ended_only_if(site, eff, name)
    return {"only_if": test, "cleanup": cleanup} if test and cleanup else None


def collection_only_if(site: CallSite, eff: Effects, holder: Holder,
                       ownership: Ownership) -> str | None:
    """`ended_only_if` of a collection in a local of the spawning function: one a parameter
    gives (the caller's) or a nested function that escapes keeps (`closures.py`) outlives the
    `if`."""
    if keeper_of(holder)[0] is not Keeper.LOCAL or _made_lazily(site) \
            or kept_by_a_closure(site.scope, holder.scope, ownership):
        return None
    return ended_only_if(site, eff, holder.key)


_EAGER = (cst.ListComp, cst.SetComp, cst.DictComp, cst.List, cst.Tuple, cst.Set, cst.Dict)


def _made_lazily(site: CallSite) -> bool:
    """The tasks are made as the local is consumed, not where it is bound: a generator
    expression, or a `map(spawn, ...)`, bound as it is (`tasks = map(create_task, coros)`,
    then `if handlers: await wait(tasks)`: no task exists unless the `if` runs)."""
    path = (*site.path, site.node)
    for j in range(len(path) - 1, 0, -1):
        node, parent = path[j], path[j - 1]
        if isinstance(node, _EAGER):
            return False
        if isinstance(node, cst.GeneratorExp) or (node is site.node and site.via):
            return not isinstance(parent, cst.Arg)  # `tuple(...)`, `list(map(...))`: eager
        if isinstance(node, (cst.BaseSmallStatement, cst.BaseCompoundStatement)):
            return False
    return False


def ended_only_if(site: CallSite, eff: Effects, name: str) -> str | None:
    """The test of the one `if` after the spawn, in a block around it, whose body holds every
    read of the local `name` (`if not pending: await fut`): when the test fails, the function
    goes on without the task and drops the local. None when a read is elsewhere or cannot be
    placed (no path kept), the `if` has an `else` or its test reads the local (`if not
    t.done()`: a finished task needs no end)."""
    # a read that keeps nothing and ends nothing (`len(tasks)`, `t.add_done_callback(log)`, the
    # `for` over a collection, whose elements' reads are reads of their own) may sit anywhere
    # (nor does an add of a task made in place, `pending.add(spawn(...))`, this spawn's or
    # another's; an add of a task bound before, `if wait: tasks.append(t)`, says when the
    # collection holds it)
    reads = [o for o in eff.occurrences if o.dest.kind not in _NEITHER_ENDS_NOR_KEEPS
             and not _adds_a_new_task(o)]
    if not reads or any(o.scope is not site.scope or not o.path for o in reads):
        return None
    around = {id(n) for n in site.path}
    found: cst.If | None = None
    for o in reads:
        at = next((k for k, n in enumerate(o.path) if isinstance(n, cst.If)
                   and id(n) not in around), None)
        if at is None or not 0 < at < len(o.path) - 1 or id(o.path[at - 1]) not in around:
            return None  # not in an `if` that is a later statement of a block around the spawn
        node: cst.If = o.path[at]  # type: ignore[assignment]
        if (found is not None and node is not found) or o.path[at + 1] is not node.body:
            return None
        found = node
    if found is None or found.orelse is not None or _decided_by(found.test, name) \
            or _spawned_under_the_same_test(site, found):
        return None
    return one_line(found.test)


def _spawned_under_the_same_test(site: CallSite, later: cst.If) -> bool:
    """The spawn sits in the body of an `if` with the same test as the one that holds the ends
    (`if publisher: t = spawn(publisher.run())` ... `if publisher: t.cancel()`), and nothing
    rebinds a name the test reads in between: the ends run whenever the spawn did."""
    if not any(isinstance(n, cst.If) and site.path[k + 1] is n.body
               and n.test.deep_equals(later.test) for k, n in enumerate(site.path[:-1])):
        return False
    names = {n.value for n in descendants(later.test) if isinstance(n, cst.Name)}
    if isinstance(later.test, cst.Name):
        names.add(later.test.value)
    for statement in statements_after(site.path):
        inside = {id(n) for n in descendants(statement)}
        if statement is later or id(later) in inside:
            return True
        if names & _bound_in(statement):
            return False
    return False


def _bound_in(statement: cst.CSTNode) -> set[str]:
    """The plain names a statement binds anywhere in it (nested definitions included)."""
    targets: list[cst.CSTNode] = []
    for n in (statement, *descendants(statement)):
        if isinstance(n, cst.AssignTarget):
            targets.append(n.target)
        elif isinstance(n, (cst.AnnAssign, cst.AugAssign, cst.For, cst.NamedExpr)):
            targets.append(n.target)
        elif isinstance(n, cst.AsName):
            targets.append(n.name)
    return {t.value for n in targets for t in (n, *descendants(n)) if isinstance(t, cst.Name)}


def _adds_a_new_task(read: Occurrence) -> bool:
    """`tasks.append(create_task(...))`: the read adds to the collection a value made in the
    call itself, not a task bound before."""
    if read.dest.kind is not Flow.COLLECTION_ADD or len(read.path) < 2:
        return False
    call = read.path[-2]
    return isinstance(call, cst.Call) and len(call.args) == 1 \
        and isinstance(call.args[0].value, (cst.Call, cst.Await))


def _decided_by(test: cst.BaseExpression, name: str) -> bool:
    """The test says whether the local needs an end (`if not t.done()`, `if tasks`): every
    operand of an `and` reads it. One that does not (`if wait and tasks`) can fail with the
    task running."""
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return _decided_by(test.left, name) and _decided_by(test.right, name)
    return _reads(test, name)


def left_by_a_return(site: CallSite, eff: Effects, name: str) -> bool:
    """Whether a `return` of the spawn's function is reached after the spawn and before every
    read that ends the task or hands it on (`eff`), with no `try` around the spawn whose
    `finally` does (it runs on that return, or ran before it), in a statement that does not
    read the local `name` (`if t.done(): return t.result()`)."""
    ends = [o for o in (*eff.cancel_reads, *eff.gather_reads, *eff.prune_reads,
                        *eff.handed_reads) if o.scope is site.scope]
    if eff.await_reads or eff.return_reads or eff.stores or not ends \
            or any(not o.path for o in ends):
        return False
    in_ends = {id(n) for o in ends for n in o.path}
    for later in statements_after(site.path):
        if id(later) in in_ends:
            return False  # ended (or handed on) first
        if _return_in(later) is not None:
            return not _reads(later, name) and not _finally_ends(site.path, in_ends)
    return False


def _return_in(node: cst.CSTNode) -> cst.Return | None:
    """The first `return` in a statement, outside nested functions and classes."""
    if isinstance(node, cst.Return):
        return node
    if isinstance(node, NESTED_DEFINITIONS):
        return None
    for child in children(node):
        found = _return_in(child)
        if found is not None:
            return found
    return None


def _reads(node: cst.CSTNode, name: str) -> bool:
    if isinstance(node, cst.Name):
        return node.value == name
    return not isinstance(node, NESTED_DEFINITIONS) and any(
        _reads(c, name) for c in children(node))


def _finally_ends(around: tuple[cst.CSTNode, ...], in_ends: set[int]) -> bool:
    """A `try` around the spawn whose `finally` holds an end: it runs on a return inside the
    `try` (its body or a handler), and has run before a return after it."""
    return any(isinstance(n, cst.Try) and n.finalbody is not None and id(n.finalbody) in in_ends
               for n in around)


def rebound_in_loop(site: CallSite, eff: Effects) -> bool:
    """A local spawned in a loop (not by a block leaving it) only used after the loop."""
    if not site.loops or leaves_the_loop(site.path):
        return False
    innermost = site.loops[0]
    keeps = [o for o in eff.occurrences if o.dest.kind in _HANDED_ON]
    if not keeps:
        return False
    return not any(innermost in o.loops for o in keeps)
