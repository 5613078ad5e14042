"""What an `except` clause may catch, as the module's names say: a cancellation or not.

A cancel raises `CancelledError` (a `BaseException` since Python 3.8) where the task waits; a
handler catches it when bare, or when it names `BaseException` or `CancelledError` (through
an import, alone or in a tuple), or a type that may be anything (a function's own local or
parameter). Read by the ends a cancel skips (`obligations/skippable_ends.py`) and by the
function graphs, where a step that raises only a cancellation goes to the first handler that
may catch one (`graph/build.py`, `obligations/liveness.py`).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import Binding, Scope


def catches_a_cancel(handler: cst.ExceptHandler, scope: Scope, surely: bool = False) -> bool:
    """The handler may catch a `CancelledError`: bare, or a type named `BaseException` or
    `CancelledError` (through an import), or one that may be anything (`_kind_name`; not when
    `surely`: then it does catch one). Any other class does not: a cancel raises
    `CancelledError` itself, and no class a `class` statement makes is a base of it."""
    return any(catches(handler, base, scope, surely)
               for base in ("BaseException", "CancelledError"))


# what surely catches a cancellation, by the qualified names its imports give (a class of the
# project named `CancelledError` may be another class: it only may)
_SURELY = frozenset({"BaseException", "builtins.BaseException", "asyncio.CancelledError",
                     "asyncio.exceptions.CancelledError", "concurrent.futures.CancelledError"})


def catches(handler: cst.ExceptHandler, base: str, scope: Scope, surely: bool = False) -> bool:
    """The handler's type (or one of a tuple's) is named `base` or `BaseException`, or may be
    anything (bare included). `surely`: a cancellation's own classes only, by their qualified
    names (`_SURELY`; `base` is then `CancelledError` or `BaseException`)."""
    if handler.type is None:
        return True
    kinds = [e.value for e in handler.type.elements] if isinstance(handler.type, cst.Tuple) \
        else [handler.type]
    if surely:
        return any(_kind(k, scope) in _SURELY for k in kinds)
    return any(_kind(k, scope).rpartition(".")[2] in (base, "BaseException", "") for k in kinds)


def _kind(kind: cst.BaseExpression, scope: Scope) -> str:
    """The qualified name of the class an `except` names, through an import; "" when it may be
    anything: not a dotted name, or a function's own local or parameter (`except kinds:`). A
    module-level name is read by its name wherever it is bound (this module or another, where
    it is one import away), so a class is judged the same wherever it is defined; an alias of
    `CancelledError` under another module-level name is read as another class."""
    name = dotted(kind)
    if name is None:
        return ""
    if isinstance(kind, cst.Name):
        local = scope.function()
        if local is not None and _bound_in(kind.value, scope, local):
            return ""
        name = next((b.qualified for b in _module_bindings(kind.value, scope) if b.qualified),
                    name)
    return name


def _bound_in(name: str, scope: Scope, function: Scope) -> bool:
    """`name` is bound in `scope` or an enclosing scope up to `function` (its locals)."""
    at: Scope | None = scope
    while at is not None:
        if name in at.bindings:
            return True
        if at is function:
            return False
        at = at.parent
    return False


def _module_bindings(name: str, scope: Scope) -> list[Binding]:
    return scope.module().bindings.get(name, [])
