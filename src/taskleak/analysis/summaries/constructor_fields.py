"""What a class's constructor keeps from its parameters in the object's attributes.

`Handle(name, task)`, whose `__init__` stores `self.task = task`, or a `@dataclass` whose
generated `__init__` stores each field: a task handed to the constructor is held by the new
object's attribute, and ends where that attribute is ended. The module's own calls follow the
constructor as any function of the module (`handoffs.receiving_parameter`, `received_field`);
another module's call reads these facts (`ClassFacts.holds`, `project/constructed_holders.py`).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.handoffs import generated_fields, has_bases, own_init
from taskleak.analysis.tree.scopes import BindingKind, Scope


def constructor_fields(cls: Scope, resolver: Resolver) -> tuple[tuple[str, int, str], ...]:
    """(attribute, position with `self` counted or -1 when only a keyword reaches it,
    parameter) for each attribute of `self` the class's own `__init__` binds to one of its
    parameters, or for each field of a generated `__init__` (its position known only when the
    class has no base, whose fields would come first)."""
    init = own_init(cls)
    if init is None or not isinstance(init.node, cst.FunctionDef):
        fields = generated_fields(cls, resolver)
        if fields is None:
            return ()
        return tuple((f, -1 if has_bases(cls) else n + 1, f) for n, f in enumerate(fields))
    params = init.node.params
    positional = [p.name.value for p in (*params.posonly_params, *params.params)]
    keyword = {p.name.value for p in params.kwonly_params}
    out: set[tuple[str, int, str]] = set()
    for attr, values in cls.attr_bindings.items():
        for value, scope in values:
            if scope is not init or not isinstance(value, cst.Name):
                continue
            name = value.value
            bindings = resolver.lookup(name, init) or []
            if len(bindings) == 1 and bindings[0].kind is BindingKind.PARAM \
                    and (name in positional[1:] or name in keyword):
                out.add((attr, positional.index(name) if name in positional else -1, name))
    return tuple(sorted(out))
