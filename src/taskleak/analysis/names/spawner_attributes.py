"""Attributes that hold a spawn function: `self._spawn = asyncio.create_task` in `__init__`,
then `self._spawn(self._run())` in any method of the class or of a class derived from it.

The scan records calls by their last name (`named_sites.py`), so a call of `self._spawn` is a
candidate site only once `_spawn` is among the spawner names: `spawner_attributes` names the
attributes whose every value a class stores is a spawn function by its last name
(`create_task`, `ensure_future`, ...), `analyse.py` reads the module again with them, and the
run reads a derived class of another module with its bases' members (`ClassFacts.spawners`,
`run/inherited.py`). Whether a call is a spawn is then decided by `held_function`, by what the
attribute holds (`asyncio.create_task`), never by its name: `other._spawn(...)` of an object
nobody typed stays no spawn. Near misses: an attribute also given another value (`self._spawn
= keep` when tracked), or one a `+=` or a tuple target binds (`Scope.attr_unknown`).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.names.class_bases import class_and_bases
from taskleak.analysis.names.resolve import UNKNOWN, Resolver, Sym
from taskleak.analysis.tree.named_sites import SPAWN_NAMES
from taskleak.analysis.tree.nodes import last_name
from taskleak.analysis.tree.scopes import Scope, ScopeKind


def spawner_attributes(scope: Scope) -> frozenset[str]:
    """The attributes, of any class in `scope` (a module, or a class), that hold only a spawn
    function."""
    return frozenset(attr for cls in scope.walk() if cls.kind is ScopeKind.CLASS
                     for attr in cls.attr_bindings if _holds_a_spawn_function(cls, attr))


def attribute_called(text: str | None, names: frozenset[str]) -> bool:
    """Some attribute of `names` is called as `.name(` in `text` (a cheap test before the
    module is read again; without the text, assume it is)."""
    return text is None or any(f".{name}(" in text for name in names)


def held_function(func: cst.BaseExpression, scope: Scope, resolver: Resolver) -> Sym | None:
    """What `self.X` called in a method (`scope`, or code in it) holds, X no spawn's own name:
    the spawn function (`asyncio.create_task`) the nearest of the method's class and its bases
    in the module that stores into X stores there, when every value it stores is one; UNKNOWN
    when it stores another value too; None when the call is no such call (the resolver reads
    it as any other)."""
    if not isinstance(func, cst.Attribute) or func.attr.value in SPAWN_NAMES \
            or not isinstance(func.value, cst.Name):
        return None
    method, cls = scope.method(), scope.enclosing_class()
    if method is None or cls is None or method.self_name != func.value.value:
        return None
    attr = func.attr.value
    owner = next((c for c in class_and_bases(cls) if attr in c.attr_bindings), None)
    if owner is None:
        return None
    if not _holds_a_spawn_function(owner, attr):
        return UNKNOWN
    value, where = owner.attr_bindings[attr][0]
    return resolver.resolve(value, where)


def _holds_a_spawn_function(cls: Scope, attr: str) -> bool:
    values = cls.attr_bindings.get(attr, ())
    return attr not in cls.attr_unknown and bool(values) \
        and all(_a_spawn_function(value) for value, _ in values)


def _a_spawn_function(value: cst.BaseExpression) -> bool:
    """`asyncio.create_task`, `loop.create_task`, `create_task`: a reference, not a call."""
    return isinstance(value, (cst.Name, cst.Attribute)) and last_name(value) in SPAWN_NAMES
