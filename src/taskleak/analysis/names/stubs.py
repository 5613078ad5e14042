"""Methods that only declare an interface: a body of a docstring, `...`, `pass` or `raise
NotImplementedError`, or one marked `@abstractmethod` (a `Protocol`'s or an ABC's methods).

A call through an attribute typed with such a class (`self._scheduler: SchedulerProtocol`) runs
whatever the object's class defines, not the stub: the project join follows it to the one
subclass that overrides it (`ProjectIndex.implementation`). Read off the class's own nodes once
per module, with the class's other facts (`ClassFacts.stubs`).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.nodes import decorator_name
from taskleak.analysis.tree.scopes import Scope, ScopeKind


def stub_methods(cls: Scope) -> tuple[str, ...]:
    """The methods of class `cls` whose bodies declare and do nothing."""
    return tuple(c.name for c in cls.children if c.kind is ScopeKind.FUNCTION
                 and isinstance(c.node, cst.FunctionDef) and is_stub(c.node))


def is_stub(fn: cst.FunctionDef) -> bool:
    if any(decorator_name(d) == "abstractmethod" for d in fn.decorators):
        return True
    body = fn.body
    statements = body.body if isinstance(body, cst.IndentedBlock) else (body,)
    return all(_declares_only(s) for s in statements)


def _declares_only(statement: cst.CSTNode) -> bool:
    if not isinstance(statement, cst.SimpleStatementLine):
        return isinstance(statement, cst.SimpleStatementSuite) and all(
            _small(s) for s in statement.body)
    return all(_small(s) for s in statement.body)


def _small(s: cst.BaseSmallStatement) -> bool:
    if isinstance(s, cst.Pass):
        return True
    if isinstance(s, cst.Expr):  # a docstring, `...`
        return isinstance(s.value, (cst.SimpleString, cst.ConcatenatedString, cst.Ellipsis))
    if isinstance(s, cst.Raise) and s.exc is not None:
        raised = s.exc.func if isinstance(s.exc, cst.Call) else s.exc
        return isinstance(raised, cst.Name) and raised.value == "NotImplementedError"
    return False
