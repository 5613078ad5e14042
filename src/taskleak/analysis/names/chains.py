"""A receiver this module cannot type, written as a path from an imported name (a chain), so
that the project join can type it from the module that defines it.

`core.loop` (after `from pkg import core`) is "pkg.core.loop"; `current.get().loop` (after
`from pkg.core import current`) is "pkg.core.current.get().loop"; `ctx.loop` with
`ctx: core.Context` is "pkg.core.Context().loop" (an instance: the class called, or what a
function returns: `util.asyncio_loop(x)` is "pkg.util.asyncio_loop()"); `self.loop`
that a class derived from an imported `Base` never sets is "pkg.base.Base().loop", and one a
class of this module with no such base never sets is "Base().loop" (its subclasses may); a local
bound from any of these (`lp = ctx.loop`) is its value's chain. A chain that starts anywhere
else (a local of unknown origin) is "": nothing to ask.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.names.class_bases import class_and_bases
from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.tree.nodes import is_none
from taskleak.analysis.tree.scopes import Binding, BindingKind, Scope

_MAX_DEPTH = 8


def receiver_chain(node: cst.BaseExpression, scope: Scope, resolver: Resolver,
                   depth: int = 0) -> str:
    """The chain of `node` read in `scope` (see the module docstring), or ""."""
    if depth > _MAX_DEPTH:
        return ""
    if isinstance(node, cst.Name):
        bindings = resolver.lookup(node.value, scope) or []
        if len(bindings) > 1 and all(b.kind is BindingKind.IMPORT for b in bindings) \
                and len({b.qualified for b in bindings}) == 1:
            bindings = bindings[:1]  # `import pkg.a` and `import pkg.b` both bind `pkg`
        return _binding_chain(bindings[0], resolver, depth) if len(bindings) == 1 else ""
    if isinstance(node, cst.Attribute):
        own = _self_attribute(node, scope, resolver, depth)
        if own:
            return own
        base = receiver_chain(node.value, scope, resolver, depth + 1)
        return f"{base}.{node.attr.value}" if base else ""
    if isinstance(node, cst.Call):  # `current.get()`, `Context()`, `util.get_loop(x)`
        func = receiver_chain(node.func, scope, resolver, depth + 1)
        return f"{func}()" if func else ""
    return ""


def _binding_chain(b: Binding, resolver: Resolver, depth: int) -> str:
    assert b.scope is not None
    if b.kind is BindingKind.IMPORT:
        return b.qualified or ""
    annotation = b.declared_type
    if annotation is not None:  # `ctx: core.Context`: an instance of an imported class
        typed = resolver.resolve(annotation, b.scope)
        return f"{typed.name}()" if typed.kind is SymKind.QUALIFIED else ""
    if b.kind is BindingKind.ASSIGN and b.value is not None:
        return receiver_chain(b.value, b.scope, resolver, depth + 1)
    return ""


def _self_attribute(node: cst.Attribute, scope: Scope, resolver: Resolver, depth: int) -> str:
    """`self.ctx` where the class annotates `ctx: core.Context`: "pkg.core.Context()"."""
    base = node.value
    method, cls = scope.method(), scope.enclosing_class()
    if not isinstance(base, cst.Name) or method is None or cls is None \
            or base.value != method.self_name:
        return ""
    attr = node.attr.value
    for annotation, where in cls.attr_annotations.get(attr, ()):
        typed = resolver.resolve(annotation, where)
        if typed.kind is SymKind.QUALIFIED:
            return f"{typed.name}()"
    return _bound_chain(cls, attr, resolver, depth) or _inherited(cls, attr, resolver)


def _bound_chain(cls: Scope, attr: str, resolver: Resolver, depth: int) -> str:
    """`self._finished` that the class binds only to calls of one chain (`Event()`, imported
    from `pkg.locks`), or to None: "pkg.locks.Event()", the instance the call makes. Bound to
    anything else (a parameter, values of different chains), "": what a parameter holds is
    typed by the calls of the constructor (`ClassFacts.init_params`), not here."""
    values = [(v, where) for v, where in cls.attr_bindings.get(attr, ()) if not is_none(v)]
    if not values or not all(isinstance(v, cst.Call) for v, _ in values):
        return ""
    chains = {receiver_chain(v, where, resolver, depth + 1) for v, where in values}
    return chains.pop() if len(chains) == 1 else ""


def _inherited(cls: Scope, attr: str, resolver: Resolver) -> str:
    """`self.loop` that the class never sets, of a class derived from one imported from
    another module (`class Stop(BaseApp)`, `BaseApp` declaring `loop = Instance(IOLoop)`),
    directly or through classes of this module that do not set it either:
    "pkg.base.BaseApp().loop", its first such base's. Set in a class, it is that class's."""
    classes = class_and_bases(cls)
    if any(attr in c.attr_bindings or attr in c.bindings or attr in c.attr_annotations
           for c in classes):
        return ""
    for c in classes:
        if not isinstance(c.node, cst.ClassDef) or c.parent is None:
            continue
        for arg in c.node.bases:
            base = resolver.resolve(arg.value, c.parent)
            if base.kind is SymKind.QUALIFIED:
                return f"{base.name}().{attr}"
    # set by none of them: by the project's subclasses, maybe in other modules (a base class
    # whose methods read what each subclass's constructor stores)
    return f"{cls.name}().{attr}" if cls.parent is cls.module() else ""
