"""Receivers nobody typed (issue 68, "Receivers nobody typed"): what nothing in the project
says the type of. Such a receiver is judged by what its call shows, never by its name
(`obligations/spawns.py`); a class attribute stored only from such values is exported as
untyped (`typed_names.py`), so another module's chain through it is answered the same way.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.names.chains import receiver_chain
from taskleak.analysis.names.resolve import Instance, Resolver, Sym, SymKind
from taskleak.analysis.tree.nodes import is_none
from taskleak.analysis.tree.scopes import BindingKind, CallSite, Scope, defined_function
from taskleak.analysis.tree.vocabulary import LOOP_METHODS, UNTYPED_STRUCTURED

_MAX_ALIAS = 2  # `loop = self.bot.loop`, then `loop.create_task(...)`


def untyped_kind(receiver: Sym, site: CallSite, method: str, resolver: Resolver
                  ) -> tuple[Instance, str] | None:
    """What a receiver nobody typed (no chain another module could answer either) is, by what
    its call shows, never by its name (issue 68, "Receivers nobody typed"): `start_soon` is a
    word of anyio's and trio's task groups only (structured); `create_task` of a call of an
    `async def` of the project is a spawn (`Spawn.untyped`: the words say so). With it, the
    chain of a callee another module defines, which the project join must find an `async def`
    (`Spawn.coroutine_asks`), else ""."""
    if receiver.kind is not SymKind.UNKNOWN or not isinstance(site.func, cst.Attribute) \
            or not nobody_typed(site.func.value, site.scope, resolver):
        return None
    if method in UNTYPED_STRUCTURED:
        return Instance.TASKGROUP, ""
    asks = coroutine_callee(site, resolver) if method in LOOP_METHODS else None
    return (Instance.LOOP, asks) if asks is not None else None


def coroutine_callee(site: CallSite, resolver: Resolver) -> str | None:
    """Whether the spawn's first argument is a call of an `async def` of the project: "" when
    this module defines it so; the callee's chain when another module defines it (the project
    join asks: `names/chains.py`); None when it is no such call."""
    args = site.node.args
    if len(args) <= site.via or args[site.via].keyword is not None or args[site.via].star:
        return None
    value = args[site.via].value
    if not isinstance(value, cst.Call):
        return None
    called = defined_function(value.func, site.scope)
    if called is not None:
        return "" if isinstance(called.node, cst.FunctionDef) \
            and called.node.asynchronous is not None else None
    return receiver_chain(value.func, site.scope, resolver) or None


def nobody_typed(node: cst.BaseExpression, scope: Scope, resolver: Resolver, depth: int = 0,
                 reads: int = 0) -> bool:
    """A chain of attributes (or a name) nothing in the project types: its head a parameter with
    no annotation, or with a library's class whose attribute is read (`bot: commands.Bot`, then
    `bot.loop`: what the library's class holds is not read); a local bound only to such chains;
    `self.x...` when the class's own assignments of `x` are such chains too (or there are
    none). A value the module makes (`Factory().new_event_loop()`, `pool or Pool()`) or
    annotates with a class of its own is typed by that. `reads`: the attributes read off it."""
    steps: list[str] = []
    while isinstance(node, cst.Attribute):
        steps.append(node.attr.value)
        node = node.value
    if not isinstance(node, cst.Name) or depth > _MAX_ALIAS:
        return False
    reads += len(steps)
    cls = scope.enclosing_class()
    method = scope.method()
    if steps and cls is not None and method is not None and method.self_name == node.value:
        return untyped_attribute(cls, steps[-1], resolver, reads - 1, depth)
    bindings = resolver.lookup(node.value, scope) or []
    return bool(bindings) and all(
        (b.kind is BindingKind.PARAM and not b.first_param and (
            b.declared_type is None or (reads and b.scope is not None
                                        and _library_type(b.declared_type, b.scope, resolver))))
        or (b.kind is BindingKind.ASSIGN and b.annotation is None and b.scope is not None
            and b.value is not None and nobody_typed(b.value, b.scope, resolver, depth + 1,
                                                     reads))
        for b in bindings)


def untyped_attribute(cls: Scope, attr: str, resolver: Resolver, reads: int,
                      depth: int = 0) -> bool:
    """`self.attr` of class `cls`, with `reads` attributes read off it, is typed by nothing:
    not declared in the class body, annotated only with a library's class (when read off), and
    stored only from values nobody typed (or `None`; or nowhere in the class)."""
    return attr not in cls.bindings and all(
        reads and _library_type(a, s, resolver) for a, s in cls.attr_annotations.get(attr, ())
    ) and all(is_none(v) or nobody_typed(v, s, resolver, depth + 1, reads)
              for v, s in cls.attr_bindings.get(attr, ()))


def _library_type(annotation: cst.BaseExpression, scope: Scope, resolver: Resolver) -> bool:
    """An annotation naming a class imported from outside the package (`commands.Bot`): what
    its instances hold is the library's, which taskleak does not read."""
    typed = resolver.resolve(annotation, scope)
    return typed.kind is SymKind.QUALIFIED and not typed.name.startswith(".")
