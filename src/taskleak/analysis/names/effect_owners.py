"""The class whose attribute a read reaches (`Effect.owner`, `CallArg.owner`), as the module
writes it: the join resolves it through the module's imports.

`self.x` in a method is the method's class's `x`; `p.x` of a parameter annotated with a class
(`speaker: Speaker`) is that class's; `p.x` of a local bound only to calls of one class (`ctrl =
_Inflight()`) is that class's, as a call on the local is typed (`attribute_types.local_type`);
`self.decoder.x` is the `x` of the class `self.decoder` is declared to hold (`decoder: Decoder`,
or the annotated parameter it is stored from). Anything else has no owner known ("").
"""

from __future__ import annotations

from taskleak.analysis.names.attribute_types import attribute_types, local_type, type_name
from taskleak.analysis.names.class_bases import module_bases
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.tree.scopes import BindingKind, Occurrence, Scope, ScopeKind


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
        self._by_name: dict[int, dict[str, Scope]] = {}

    def of(self, scope: Scope, key: str) -> str:
        head, _, attr = key.partition(".")
        method, cls = scope.method(), scope.enclosing_class()
        if cls is not None and method is not None and head == method.self_name \
                and attr.count(".") == 1:
            holder = attr.partition(".")[0]  # `self.decoder._reader_task`: `decoder`'s class
            return self._attribute_types(cls).get(holder, "")
        if not attr or "." in attr:
            return ""
        bindings = self.resolver.lookup(head, scope) or []
        if len(bindings) == 1 and bindings[0].kind is BindingKind.PARAM \
                and bindings[0].value is not None:
            return type_name(bindings[0].value)
        # (`ctrl = _Inflight()`, then `ctrl.task.cancel()`: the local's class, as a call on it
        # is typed, `attribute_types.local_type`)
        return self_owner(scope, key) or (
            local_type(head, scope, self.resolver)
            if bindings and all(b.kind is BindingKind.ASSIGN for b in bindings) else "")

    def _attribute_types(self, cls: Scope) -> dict[str, str]:
        found = self._types.get(id(cls))
        if found is None:
            found = self._types[id(cls)] = dict(attribute_types(cls, self.resolver))
        return found

    def of_another_class(self, occ: Occurrence, cls: Scope | None) -> bool:
        """`ctrl.task` read through an object typed with another class than `cls` (`ctrl =
        _Inflight()`, `ctrl: _Inflight`): that class's attribute, whatever its name, when the
        class is this module's and neither it nor `cls` derives from the other here, nor does a
        class of the module derive from both (a mixin's). One of another module's class (or of
        no class of the project) is the join's to read, as the same read in another module is
        (`Effect.owner`, `project/answers._ended_elsewhere`): not an end here either way."""
        if cls is None or "." not in occ.key:
            return False
        owner = self.of(occ.scope, occ.key)
        if not owner or owner == cls.qualname:
            return False
        module = cls.module()
        found = self._classes(module).get(owner)
        if found is None:
            return True
        if found is cls or found in module_bases(cls, module) \
                or cls in module_bases(found, module):
            return False
        return not any(found in bases and cls in bases
                       for c in self._classes(module).values()
                       for bases in [module_bases(c, module)])

    def _classes(self, module: Scope) -> dict[str, Scope]:
        """The module's classes by qualified name, found once."""
        found = self._by_name.get(id(module))
        if found is None:
            found = self._by_name[id(module)] = {
                c.qualname: c for c in module.walk() if c.kind is ScopeKind.CLASS}
        return found
