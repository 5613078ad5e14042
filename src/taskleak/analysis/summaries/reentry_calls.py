"""How a call of a method made as a statement (`await self._start()`) may run it again: what
another module's store over a live task asks of its callers (`project/reentry.py`).

- `per_turn`: the loop around the call goes on after it (not left right after it);
- `retried`: the loop goes round to it again when a step after it fails (`reentry.py`);
- `per_item`: ... on each turn with an item the loop waited for (a message: `per_item.py`);
- `fresh`: the positions of its arguments that are new on each turn (the target of a `for`
  around it, a call's result: `self._start(self._pending.pop())`): a store into an attribute
  of the object given there is no store over an earlier turn's;
- `touched`: the attributes of `self` its function ends (cancels, awaits, gathers; an entry it
  pops and ends, `old = self._workers.pop(name, None); old.cancel()`) or tests on the way to
  the call (`if self._reader is None:`, `if name in self._pending: continue`): a call that may
  make room first is no re-entry over a live task of those.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.frequency.per_item import received_by
from taskleak.analysis.frequency.reentry import dropped_call_comes_round
from taskleak.analysis.obligations.guards import names_guarding
from taskleak.analysis.obligations.liveness import FunctionGraphs
from taskleak.analysis.tree.dests import END_FLOWS, Flow
from taskleak.analysis.tree.nodes import leaves_the_loop
from taskleak.analysis.tree.scopes import DroppedCallSite, Scope
from taskleak.analysis.tree.turns import new_each_turn
from taskleak.analysis.tree.walk import children
from taskleak.records import record


@record(frozen=True)
class Again:
    per_turn: bool = False
    retried: bool = False
    touched: tuple[str, ...] = ()
    per_item: bool = False  # ... once per item its loop receives (`per_item.py`)
    fresh: tuple[int, ...] = ()


NOT_AGAIN = Again()


def again(scope: Scope, site: DroppedCallSite, graphs: FunctionGraphs | None,
          on_an_attribute: bool = False) -> Again:
    """How the method call at `site` (in `scope`, a `self.` call, or `on_an_attribute`: a
    call on the object an attribute of `self` holds, `self._router.dispatch(...)`) runs
    again, if it does."""
    per_turn = site.in_loop and not leaves_the_loop(site.path)
    retried = not per_turn and graphs is not None \
        and dropped_call_comes_round(scope, site.path, graphs)
    if not (per_turn or retried):
        return NOT_AGAIN
    item = per_turn and bool(received_by(site.path))
    fresh = new_each_turn(site.call, site.path)
    own = scope.method()
    me = own.self_name if own is not None else None
    if me is None or on_an_attribute:  # (what it ends of its own is not the callee's holder)
        return Again(per_turn, retried, per_item=item, fresh=fresh)
    ended = {o.key.split(".")[1] for s in scope.walk() for o in s.occurrences
             if o.dest.kind in END_FLOWS and o.key.startswith(f"{me}.") and o.key.count(".") == 1}
    ended |= _popped_and_ended(scope, me)
    tested = {a for n in site.path if isinstance(n, (cst.If, cst.While))
              for a in _attributes(n.test, me)}
    # (`if name in self._pending: continue` before it: a test that the holder has no entry)
    tested |= {name.split(".")[1] for name in names_guarding(site.path, scope)
               if name.startswith(f"{me}.") and name.count(".") == 1}
    return Again(per_turn, retried, tuple(sorted(ended | tested)), item, fresh)


def _popped_and_ended(scope: Scope, me: str) -> set[str]:
    """`x` of each `old = self.x.pop(key, None)` whose value the function then ends
    (`old.cancel()`): the entry's task is ended before the call stores a new one."""
    reads = [o for s in scope.walk() for o in s.occurrences]
    ended = {o.key for o in reads if o.dest.kind in END_FLOWS and "." not in o.key}
    return {o.key.split(".")[1] for o in reads
            if o.dest.kind is Flow.PRUNE and o.key.startswith(f"{me}.") and o.key.count(".") == 1
            and any(isinstance(t, cst.Name) and t.value in ended for t in o.dest.targets)}


def _attributes(test: cst.BaseExpression, me: str) -> set[str]:
    """`x` of each `self.x` a test reads."""
    out = set()
    todo: list[cst.CSTNode] = [test]
    while todo:
        node = todo.pop()
        if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) \
                and node.value.value == me:
            out.add(node.attr.value)
        else:
            todo.extend(children(node))
    return out
