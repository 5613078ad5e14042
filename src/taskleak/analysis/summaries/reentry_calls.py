"""How a call of a method made as a statement (`await self._start()`) may run it again: what
another module's store over a live task asks of its callers (`project/reentry.py`).

- `per_turn`: the loop around the call goes on after it (not left right after it);
- `retried`: the loop goes round to it again when a step after it fails (`reentry.py`);
- `touched`: the attributes of `self` its function ends (cancels, awaits, gathers) or tests on
  the way to the call (`if self._reader is None:`): a call that may make room first is no
  re-entry over a live task of those.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.frequency.reentry import dropped_call_comes_round
from taskleak.analysis.obligations.liveness import FunctionGraphs
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import leaves_the_loop
from taskleak.analysis.tree.scopes import DroppedCallSite, Scope
from taskleak.analysis.tree.walk import children
from taskleak.records import record

_ENDS = (Flow.CANCEL, Flow.AWAITED, Flow.GATHERED)


@record(frozen=True)
class Again:
    per_turn: bool = False
    retried: bool = False
    touched: tuple[str, ...] = ()


NOT_AGAIN = Again()


def again(scope: Scope, site: DroppedCallSite, graphs: FunctionGraphs | None) -> Again:
    """How the method call at `site` (in `scope`, a `self.` call) runs again, if it does."""
    per_turn = site.in_loop and not leaves_the_loop(site.path)
    retried = not per_turn and graphs is not None \
        and dropped_call_comes_round(scope, site.path, graphs)
    if not (per_turn or retried):
        return NOT_AGAIN
    own = scope.method()
    me = own.self_name if own is not None else None
    if me is None:
        return Again(per_turn, retried)
    ended = {o.key.split(".")[1] for s in scope.walk() for o in s.occurrences
             if o.dest.kind in _ENDS and o.key.startswith(f"{me}.") and o.key.count(".") == 1}
    tested = {a for n in site.path if isinstance(n, (cst.If, cst.While))
              for a in _attributes(n.test, me)}
    return Again(per_turn, retried, tuple(sorted(ended | tested)))


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
