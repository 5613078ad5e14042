"""A lambda bound to a local, then handed to a call: that call's callback, as if written inline.

`loop.call_later(1, lambda: loop.create_task(work()))` hands the lambda to `call_later`, which
calls it back and drops what it returns (`obligations/passed.py`, `Flow.LAMBDA`). Binding it to a
local first (`action = lambda: loop.create_task(work())`, then `loop.call_later(1, action)`) is
the same program, but the scan, reading the lambda where it is written, saw it kept elsewhere and
took its value for one returned to its caller (`Flow.RETURNED`): "returned to the caller, which
is responsible for it" (sled's scheduler). Once the walk is done,
the local's reads are known: a lambda bound once to a local of the function that reads it
exactly once, as a whole argument of a call, is that call's callback.

Near miss: a local read twice (called here as well, `action()`, handed to two calls, or an
attribute set on it: resilience-h8's signal handler), read
by a nested function, or bound more than once keeps its value returned: who calls it is not
one call.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.scopes import Scope, ScopeKind


def retype_local_callbacks(root: Scope) -> None:
    """Turn the spawns a lambda bound to a local returns into its one call's callback's, in
    place (see the module docstring)."""
    for scope in root.walk():
        if scope.kind is not ScopeKind.LAMBDA or not scope.calls or scope.parent is None:
            continue
        outer = scope.parent
        name = _bound_to(scope.node, outer)
        if name is None:
            continue
        reads = [o for o in outer.occurrences if o.key == name]
        if len(reads) != 1 or not reads[0].dest.whole_argument or any(
                o.key == name for s in outer.descendants() for o in s.occurrences):
            continue
        handed = reads[0].dest
        for site in scope.calls:
            d = site.dest
            if d.kind is Flow.RETURNED:
                d.kind, d.call, d.callee = Flow.LAMBDA, handed.call, handed.callee


def _bound_to(node: cst.CSTNode, outer: Scope) -> str | None:
    """The local of `outer` (a function) bound once, to the lambda `node`, and to nothing else."""
    if outer.kind is not ScopeKind.FUNCTION:
        return None
    for name, bindings in outer.bindings.items():
        if any(b.value is node for b in bindings):
            return name if len(bindings) == 1 else None
    return None
