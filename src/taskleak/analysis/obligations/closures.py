"""A local kept by a closure: a nested function that outlives its frame holds it.

`def to_observable(): tasks = set(); def dispose(): tasks.add(spawn(...)); return
Disposable(dispose)`: the spawn runs in `dispose()`, after `to_observable()` has returned, and
the set it adds to is `dispose`'s closure variable. It is no local dropped when its function
returns: it lives as long as the nested function does. The condition: the spawn runs in a
function nested in the one that binds the local, and that function, or one between them,
escapes its frame: its name is read other than to call it (returned, passed, stored), it is
decorated (a registration), or it is a lambda (a value handed on as it is made).

Near miss: a nested function only ever called where it is defined (`def add(): tasks.add(...)`
then `add()`) runs while the frame lives: the local goes with the frame.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.scopes import Scope, ScopeKind


def kept_by_a_closure(spawned_in: Scope, local_of: Scope) -> bool:
    """The scope `spawned_in` (where a spawn runs) is nested in a function below `local_of`
    (the function binding the local it stores into) that escapes `local_of`'s frame."""
    s: Scope | None = spawned_in
    while s is not None and s is not local_of:
        if s.kind is ScopeKind.LAMBDA or (s.kind is ScopeKind.FUNCTION and _escapes(s)):
            return True
        if s.kind is not ScopeKind.FUNCTION:
            return False  # a class between them: not a closure of `local_of`
        s = s.parent
    return False


def _escapes(function: Scope) -> bool:
    """A nested function whose name its enclosing scope reads other than to call it, or that
    is decorated."""
    node = function.node
    if isinstance(node, cst.FunctionDef) and node.decorators:
        return True
    parent = function.parent
    if parent is None:
        return False
    return any(o.key == function.name and o.dest.kind is not Flow.CALLED
               and function.name not in _rebinding(o.scope, parent)
               for s in parent.walk() for o in s.occurrences)


def _rebinding(scope: Scope, parent: Scope) -> set[str]:
    """The names bound anew between `scope` and `parent` (excluded), which hide the parent's."""
    names: set[str] = set()
    s: Scope | None = scope
    while s is not None and s is not parent:
        names |= s.bindings.keys() - s.declared_nonlocal
        s = s.parent
    return names
