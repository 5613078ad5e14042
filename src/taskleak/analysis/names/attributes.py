"""What a class's own code says about one of its attributes: the other attribute a property
makes one with it, and an assignment that rebuilds a collection without its finished tasks."""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.nodes import callee_text, dotted
from taskleak.analysis.tree.scopes import Occurrence, Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import REBUILDERS


def property_twins(cls: Scope, name: str) -> list[str]:
    """The attributes that are one with `name` through a property of the class: aiohttp's
    `self._writer = task` runs a setter that stores `self.__writer = writer`, and `close()` ends
    `self.__writer`. Both ways: a setter or getter named `name` and the attribute it stores or
    returns, or a property over the attribute `name`."""
    twins: list[str] = []
    for child in cls.children:
        node = child.node
        if child.kind is not ScopeKind.FUNCTION or not isinstance(node, cst.FunctionDef):
            continue
        inner = property_attribute(child, node)
        if inner is None:
            continue
        if child.name == name and inner != name:
            twins.append(inner)
        elif inner == name and child.name != name:
            twins.append(child.name)
    return list(dict.fromkeys(twins))


def property_attribute(scope: Scope, node: cst.FunctionDef) -> str | None:
    """The `self.X` a property getter returns or its setter stores its value in."""
    kinds = {callee_text(d.decorator) for d in node.decorators}
    me = scope.self_name
    if me is None:
        return None
    if "property" in kinds or "functools.cached_property" in kinds:
        for stmt in node.body.body:
            if not isinstance(stmt, cst.SimpleStatementLine):
                continue
            for small in stmt.body:
                if isinstance(small, cst.Return) and small.value is not None:
                    key = dotted(small.value) or ""
                    if key.startswith(me + ".") and key.count(".") == 1:
                        return key.split(".", 1)[1]
        return None
    if f"{scope.name}.setter" not in kinds:
        return None
    params = node.params.params
    if len(params) < 2:
        return None
    value = params[1].name.value
    cls = scope.enclosing_class()
    assert cls is not None
    for attr, stored in cls.attr_bindings.items():
        if any(s is scope and isinstance(v, cst.Name) and v.value == value for v, s in stored):
            return attr
    return None


def is_rebuild(value: cst.BaseExpression, attr: str) -> bool:
    """`[t for t in self._tasks if ...]`, `set(filter(..., self._tasks))`: a pruning rebuild."""
    if isinstance(value, (cst.ListComp, cst.SetComp)):
        it = dotted(value.for_in.iter) or ""
        return it.endswith("." + attr)
    if isinstance(value, cst.Call):
        name = callee_text(value.func)
        if name in REBUILDERS and value.args:
            return is_rebuild(value.args[0].value, attr) or (
                isinstance(value.args[0].value, cst.Call)
                and callee_text(value.args[0].value.func) == "filter")
    return False


def another_class_attribute(occ: Occurrence, cls: Scope | None) -> bool:
    """`self.x` read in a method of a class that is not `cls` (nor one of its subclasses here):
    that class's own attribute, whatever its name. With no `cls` (`receiver.future`, an object
    of a class not known), any class's `self.x` may be it."""
    own = occ.scope.enclosing_class()
    method = occ.scope.method()
    me = method.self_name if method is not None else None
    if cls is None or own is None or me is None or not occ.key.startswith(me + "."):
        return False
    if own is cls:
        return False
    node = own.node
    bases = {dotted(b.value) for b in node.bases} if isinstance(node, cst.ClassDef) else set()
    return cls.name not in bases
