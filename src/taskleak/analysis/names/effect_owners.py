"""The class whose attribute a read reaches (`Effect.owner`, `CallArg.owner`), as the module
writes it: the join resolves it through the module's imports.

`self.x` in a method is the method's class's `x`; `p.x` of a parameter annotated with a class
(`speaker: Speaker`) is that class's; `self.decoder.x` is the `x` of the class `self.decoder` is
declared to hold (`decoder: Decoder`, or the annotated parameter it is stored from). Anything
else has no owner known ("").
"""

from __future__ import annotations

from taskleak.analysis.names.attribute_types import attribute_types, type_name
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.tree.scopes import BindingKind, Scope


def self_owner(scope: Scope, key: str) -> str:
    """The class whose attribute `key` is, when it is read as `self.x` in a method."""
    method, cls = scope.method(), scope.enclosing_class()
    if cls is not None and method is not None and method.self_name \
            and key.startswith(method.self_name + "."):
        return cls.qualname
    return ""


class EffectOwners:
    """`of(scope, key)`: the class whose attribute an effect reaches (see the module's
    docstring); a class's declared attribute types are read once per module."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._types: dict[int, dict[str, str]] = {}

    def of(self, scope: Scope, key: str) -> str:
        head, _, attr = key.partition(".")
        method, cls = scope.method(), scope.enclosing_class()
        if cls is not None and method is not None and head == method.self_name \
                and attr.count(".") == 1:
            holder = attr.partition(".")[0]  # `self.decoder._reader_task`: `decoder`'s class
            return self._attribute_types(cls).get(holder, "")
        bindings = self.resolver.lookup(head, scope) or []
        if not attr or "." in attr or len(bindings) != 1 or bindings[0].kind is not \
                BindingKind.PARAM or bindings[0].value is None:
            return self_owner(scope, key) if "." not in attr else ""
        return type_name(bindings[0].value)

    def _attribute_types(self, cls: Scope) -> dict[str, str]:
        found = self._types.get(id(cls))
        if found is None:
            found = self._types[id(cls)] = dict(attribute_types(cls, self.resolver))
        return found
