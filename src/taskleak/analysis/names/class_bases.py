"""A class's bases defined in its own module, for what its objects inherit.

`class ClientSSM(SSM)` with `SSM.stop_timer()` cancelling `self._timer`: a `ClientSSM` that
stores a task in `self._timer` is ended by that inherited method. The reads of an attribute on
`self` are its class's and those of its bases in the module (another module's bases are the
project join's: `ProjectIndex.is_subclass`).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import BindingKind, Occurrence, Scope, ScopeKind


def module_bases(cls: Scope, module: Scope) -> list[Scope]:
    """`cls`'s bases (and theirs) that are classes of `module`'s top level, nearest first."""
    classes = {c.name: c for c in module.children if c.kind is ScopeKind.CLASS}
    out: list[Scope] = []
    todo = [cls]
    while todo:
        node = todo.pop(0).node
        if not isinstance(node, cst.ClassDef):
            continue
        for arg in node.bases:
            base = classes.get(dotted(arg.value) or "")
            if base is not None and base is not cls and base not in out:
                out.append(base)
                todo.append(base)
    return out


def class_and_bases(cls: Scope) -> list[Scope]:
    """`cls`, then its bases in its own module, nearest first (`module_bases`)."""
    return [cls, *module_bases(cls, cls.module())]


def inherited(reads: list[Occurrence], classes: list[Scope]) -> list[Occurrence]:
    """The reads in `classes` (a class, then its bases nearest first) that its objects run: a
    base's method that the class or a nearer base defines again is not (`Shade._update_calls`
    overrides `Cover._update_calls`)."""
    defined: set[str] = set()
    hidden: dict[int, set[str]] = {}
    for cls in classes:
        hidden[id(cls)] = set(defined)
        defined |= {name for name, bindings in cls.bindings.items()
                    if any(b.kind is BindingKind.DEF for b in bindings)}
    out = []
    for o in reads:
        method = o.scope.method()
        owner = method.enclosing_class() if method is not None else None
        if method is None or owner is None or method.name not in hidden.get(id(owner), set()):
            out.append(o)
    return out


def imported_bases(scope: Scope, module: Scope, resolver: Resolver) -> list[str]:
    """The bases that the class a method (`scope`, or code in it) belongs to, or its bases in
    `module`, import, by their qualified names (`pkg.base.ClientBase`): the modules another of
    its methods may live in (`project/reentry.py` reads them by their paths)."""
    cls = scope.enclosing_class()
    if cls is None:
        return []
    out = []
    for c in (cls, *module_bases(cls, module)):
        for arg in c.node.bases if isinstance(c.node, cst.ClassDef) else ():
            sym = resolver.resolve(arg.value, c.parent if c.parent is not None else c)
            if sym.kind is SymKind.QUALIFIED and sym.name and sym.name not in out:
                out.append(sym.name)
    return out
