"""The class of an object, when this module defines it: a light type inference from
constructors and annotations, no type checker.

`connection = Connection()`, `def f(connection: Connection)`, `self.current = Receiver()` in
a method, `self.current: Receiver`: the object's class is that class of this module. Every
binding must agree; anything else (an unannotated parameter, a value from a call of something
else) is not known, and callers say so rather than guess.
"""

from __future__ import annotations

from typing import Protocol

import libcst as cst

from taskleak.analysis.tree.nodes import dotted, is_none
from taskleak.analysis.tree.scopes import Binding, BindingKind, Scope, ScopeKind


class Resolver(Protocol):
    """Name lookup (`resolve.Resolver`): all this module needs, so the resolver can use it."""

    def lookup(self, name: str, scope: Scope) -> list[Binding] | None: ...


def object_class(node: cst.BaseExpression, scope: Scope, resolver: Resolver) -> Scope | None:
    """The module's class the value of `node` is an instance of: a name or `self.x` (see
    `class_of`), or a `ContextVar[C]`'s `.get()`; None when not known."""
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
            and node.func.attr.value == "get" and not node.args:
        holder = dotted(node.func.value)
        bindings = resolver.lookup(holder, scope) if holder and "." not in holder else None
        if not bindings or len(bindings) != 1:
            return None
        return _context_var_class(bindings[0], resolver)
    expr = dotted(node)
    return class_of(expr, scope, resolver) if expr is not None else None


def _context_var_class(b: Binding, resolver: Resolver) -> Scope | None:
    """`current: ContextVar[State] = ContextVar(...)`: State."""
    assert b.scope is not None
    annotation = b.declared_type
    if not isinstance(annotation, cst.Subscript) or \
            dotted(annotation.value) not in ("ContextVar", "contextvars.ContextVar"):
        return None
    inner = annotation.slice[0].slice if len(annotation.slice) == 1 else None
    return _named_class(inner.value, b.scope, resolver) if isinstance(inner, cst.Index) else None


def class_of(expr: str, scope: Scope, resolver: Resolver) -> Scope | None:
    """The module's class that `expr` ("conn", "self.current") is an instance of, read from
    code in `scope`; None when not known."""
    base, _, attr = expr.partition(".")
    if not attr:
        bindings = resolver.lookup(base, scope)
        return _agreed([_binding_class(b, resolver) for b in bindings or ()])
    if "." in attr:
        return None
    method = scope.method()
    cls = scope.enclosing_class()
    if cls is None or method is None or method.self_name != base:
        owner = class_of(base, scope, resolver)
        if owner is None:
            return None
        cls = owner
    return attribute_class(cls, attr, resolver)


def attribute_class(cls: Scope, attr: str, resolver: Resolver) -> Scope | None:
    """The module's class of `self.<attr>` of class `cls`: its annotations and every value
    assigned to it must name the same class."""
    found = [_named_class(a, s, resolver) for a, s in cls.attr_annotations.get(attr, ())]
    found += [_value_class(v, s, resolver) for v, s in cls.attr_bindings.get(attr, ())
              if not is_none(v)]
    for b in cls.bindings.get(attr, ()):
        found.append(_binding_class(b, resolver))
    return _agreed(found)


def _binding_class(b: Binding, resolver: Resolver) -> Scope | None:
    assert b.scope is not None
    if b.kind is BindingKind.PARAM:
        return _named_class(b.value, b.scope, resolver) if not b.first_param else None
    if b.annotation is not None:
        return _named_class(b.annotation, b.scope, resolver)
    if b.kind in (BindingKind.ASSIGN, BindingKind.WITH) and b.value is not None:
        # (`async with Manager() as m`: what `__aenter__` gives, taken as the object, as
        # `resolve.Resolver` takes it)
        return _value_class(b.value, b.scope, resolver)
    return None


def _value_class(value: cst.BaseExpression, scope: Scope, resolver: Resolver) -> Scope | None:
    """`Receiver(...)`: the class called."""
    if isinstance(value, cst.Call):
        return _named_class(value.func, scope, resolver)
    return None


def _named_class(node: cst.BaseExpression | None, scope: Scope,
                 resolver: Resolver) -> Scope | None:
    """The module's class a name or annotation (`Receiver`, `Receiver | None`,
    `Optional[Receiver]`, `"Receiver"`) names."""
    if node is None:
        return None
    if isinstance(node, cst.BinaryOperation):  # `Receiver | None`
        return _named_class(node.left, scope, resolver) or _named_class(node.right, scope,
                                                                        resolver)
    if isinstance(node, cst.Subscript) and dotted(node.value) in ("Optional", "typing.Optional"):
        inner = node.slice[0].slice if node.slice else None
        return _named_class(inner.value, scope, resolver) if isinstance(inner, cst.Index) \
            else None
    if isinstance(node, cst.SimpleString):
        text = node.evaluated_value
        if isinstance(text, str) and text.isidentifier():
            return _named_class(cst.Name(text), scope, resolver)
        return None
    if not isinstance(node, cst.Name):
        return None
    bindings = resolver.lookup(node.value, scope)
    if not bindings or len(bindings) != 1 or bindings[0].kind is not BindingKind.CLASS:
        return None
    defining = bindings[0].scope
    assert defining is not None
    for child in defining.children:
        if child.kind is ScopeKind.CLASS and child.name == node.value:
            return child
    return None


def _agreed(found: list[Scope | None]) -> Scope | None:
    """The one class every binding names, or None."""
    if not found or any(f is None for f in found):
        return None
    first = found[0]
    return first if all(f is first for f in found) else None
