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

from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.lifetimes import ended_only_on_error
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import NESTED_DEFINITIONS, leaves_the_loop, one_line
from taskleak.analysis.tree.scopes import CallSite

_HANDED_ON = (Flow.CANCEL, Flow.AWAITED, Flow.GATHERED, Flow.COLLECTION, Flow.RETURNED,
              Flow.PASSED, Flow.BOUND)


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


def ended_only_if(site: CallSite, eff: Effects, name: str) -> str | None:
    """The test of the one `if` after the spawn, in a block around it, whose body holds every
    read of the local `name` (`if not pending: await fut`): when the test fails, the function
    goes on without the task and drops the local. None when a read is elsewhere or cannot be
    placed (no path kept), the `if` has an `else` or its test reads the local (`if not
    t.done()`: a finished task needs no end)."""
    reads = eff.occurrences
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
    if found is None or found.orelse is not None or _reads(found.test, name):
        return None
    return one_line(found.test)


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
    path = site.path
    for j in range(len(path) - 1, 0, -1):
        if isinstance(path[j - 1], NESTED_DEFINITIONS):
            return False  # the spawn's own function ends here
        block, statement = path[j - 1], path[j]
        body = getattr(block, "body", None)
        statements: list[cst.CSTNode] = list(body) if isinstance(body, (list, tuple)) else []
        at = next((k for k, s in enumerate(statements) if s is statement), None)
        if at is None:
            continue
        after = statements[at + 1:]
        for later in after:
            if id(later) in in_ends:
                return False  # ended (or handed on) first
            found = _return_in(later)
            if found is not None:
                return not _reads(later, name) and not _finally_ends(path, in_ends)
    return False


def _return_in(node: cst.CSTNode) -> cst.Return | None:
    """The first `return` in a statement, outside nested functions and classes."""
    if isinstance(node, cst.Return):
        return node
    if isinstance(node, NESTED_DEFINITIONS):
        return None
    for child in node.children:
        found = _return_in(child)
        if found is not None:
            return found
    return None


def _reads(node: cst.CSTNode, name: str) -> bool:
    if isinstance(node, cst.Name):
        return node.value == name
    return not isinstance(node, NESTED_DEFINITIONS) and any(
        _reads(c, name) for c in node.children)


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
