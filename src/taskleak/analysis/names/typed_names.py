"""What a module's globals and class attributes are, as far as event loops go: the facts that
type another module's receiver chains (`chains.py`) in the project join.

Each entry is (a name in the module, what it holds):
- "loop": an event loop (`loop: AbstractEventLoop | None = None`, `Context.loop` annotated
  `asyncio.AbstractEventLoop`, `@property def loop(self) -> AbstractEventLoop`);
- "ioloop": tornado's IOLoop (`self.io_loop = IOLoop.current()`, `loop = Instance(IOLoop)`);
- "taskgroup": an asyncio `TaskGroup` or an anyio/trio task group or nursery (`@property def
  task_group(self) -> TaskGroup`): what another module spawns on it is kept by the group;
- "obj:<Class>": an instance of a class of this module that holds a loop somewhere
  (`state: State`, `State.context: Context`);
- "var:<what>": a `ContextVar` whose `.get()` gives that (`current: ContextVar[Context]`);
- "<function>()": what a module-level function returns, by its annotation (`def
  _asyncio_loop(loop: Loop) -> asyncio.AbstractEventLoop`: "loop"); "<Class>.<method>()" the
  same for a class or static method (`Scope.current() -> "Scope"`: "obj:Scope");
- "ext:<import>": an instance of a class this module imports (`current: ContextVar[State]`
  after `from .state import State`: "var:ext:.state.State"), which the join follows into the
  module that defines it (`project/receivers.py`): the same fact wherever the class lives;
- "untyped": a class attribute stored only from values nothing types (`untyped.py`), for a
  `create_task` of the project's `async def` on what is read off it.
Only entries that can lead to a loop (or a task group) are kept: the rest would be read by no
question (an
imported class of the standard library holds no loop a chain could reach).
"""

from __future__ import annotations

import sys

import libcst as cst

from taskleak.analysis.facts.interface import EXTERNAL
from taskleak.analysis.facts.module import TASK_GROUP, UNTYPED
from taskleak.analysis.names.resolve import Instance, Resolver, SymKind
from taskleak.analysis.names.untyped import untyped_attribute
from taskleak.analysis.tree.nodes import decorator_name, dotted
from taskleak.analysis.tree.scopes import Binding, BindingKind, Scope, ScopeKind

LOOP = "loop"
IOLOOP = "ioloop"
# UNTYPED (facts/module.py): a class attribute stored only from values nothing types
# (`self._gwy = gwy`, `gwy` an unannotated parameter), what is read off it typed by nothing
# either (`names/untyped.py`)
# what each kind of instance is entered as
_HELD = {Instance.LOOP: LOOP, Instance.TORNADO_LOOP: IOLOOP, Instance.TASKGROUP: TASK_GROUP,
         Instance.NURSERY: TASK_GROUP}
_CONTEXT_VARS = ("ContextVar", "contextvars.ContextVar")


def _kind(instance: Instance | None) -> str | None:
    """The entry for an instance of this kind: LOOP, IOLOOP, TASK_GROUP, or None (not kept)."""
    return _HELD.get(instance) if instance is not None else None


def typed_names(root: Scope, resolver: Resolver) -> tuple[tuple[str, str], ...]:
    """The module's (name, what it holds) entries (see the module docstring)."""
    classes = {c.name: c for c in root.children if c.kind is ScopeKind.CLASS}
    held: dict[str, str] = {}
    for cls in classes.values():
        for attr in (*cls.attr_annotations, *cls.bindings, *cls.attr_bindings):
            kind = _kind(resolver.attribute(cls, attr).instance)
            if kind is not None:
                held[f"{cls.name}.{attr}"] = kind
            elif attr in cls.attr_bindings and untyped_attribute(cls, attr, resolver, 0):
                held[f"{cls.name}.{attr}"] = UNTYPED
    # classes that hold a loop, directly or through an attribute of such a class (a fixed
    # point: each round can add one level of nesting)
    for _ in range(3):
        bearing = {k.partition(".")[0] for k in held}
        for cls in classes.values():
            for attr, annotation, scope in _annotated(cls):
                key = f"{cls.name}.{attr}"
                if key not in held:
                    what = _type_of(annotation, scope, resolver, bearing)
                    if what:
                        held[key] = what
    bearing = {k.partition(".")[0] for k in held}
    for cls in classes.values():  # `Scope.current()`, a class method annotated `-> "Scope"`
        for name, bindings in cls.bindings.items():
            if len(bindings) == 1 and bindings[0].kind is BindingKind.DEF \
                    and bindings[0].value is not None and _on_the_class(cls, name):
                what = _type_of(bindings[0].value, cls, resolver, bearing)
                if what:
                    held[f"{cls.name}.{name}()"] = what
    for name, bindings in root.bindings.items():
        if len(bindings) == 1 and bindings[0].kind is BindingKind.DEF \
                and bindings[0].value is not None:  # `def f(...) -> AbstractEventLoop`
            what = _type_of(bindings[0].value, root, resolver, bearing)
            if what:
                held[f"{name}()"] = what
            continue
        what = _global(bindings, resolver, bearing)
        if what:
            held[name] = what
    return tuple(sorted(held.items()))


def _on_the_class(cls: Scope, name: str) -> bool:
    """The method `name` of `cls` is called on the class itself: a `@classmethod` or a
    `@staticmethod` (`Scope.current()`)."""
    method = next((c for c in cls.children if c.name == name), None)
    node = method.node if method is not None else None
    return isinstance(node, cst.FunctionDef) and any(
        decorator_name(d) in ("classmethod", "staticmethod") for d in node.decorators)


def _annotated(cls: Scope) -> list[tuple[str, cst.BaseExpression, Scope]]:
    """A class's annotated attributes: `self.x: T = ...` in its methods, `x: T` in its body."""
    out = [(attr, found[0][0], found[0][1]) for attr, found in cls.attr_annotations.items()]
    for attr, bindings in cls.bindings.items():
        annotation = bindings[0].declared_type
        if annotation is not None:
            out.append((attr, annotation, cls))
    return out


def _global(bindings: list[Binding], resolver: Resolver, bearing: set[str]) -> str:
    """What a module global holds: its annotation says (`loop: AbstractEventLoop | None =
    None`, set later through `global loop`), else one of its values."""
    for b in bindings:
        assert b.scope is not None
        annotation = b.declared_type
        if annotation is not None:
            what = _type_of(annotation, b.scope, resolver, bearing)
            if what:
                return what
    for b in bindings:
        assert b.scope is not None
        if b.kind is not BindingKind.ASSIGN or b.value is None:
            continue
        kind = _kind(resolver.resolve(b.value, b.scope).instance)
        if kind is not None:
            return kind
        if isinstance(b.value, cst.Call) and isinstance(b.value.func, cst.Name) \
                and b.value.func.value in bearing:
            return f"obj:{b.value.func.value}"  # `state = State()`
    return ""


def _type_of(annotation: cst.BaseExpression, scope: Scope, resolver: Resolver,
             bearing: set[str]) -> str:
    """What a value annotated `annotation` holds: LOOP, "obj:C", "var:..." or ""."""
    if isinstance(annotation, cst.BinaryOperation):  # `AbstractEventLoop | None`
        return _type_of(annotation.left, scope, resolver, bearing) \
            or _type_of(annotation.right, scope, resolver, bearing)
    typed = resolver.typed(annotation, scope)
    kind = _kind(typed.instance) if typed is not None else None
    if kind is not None:
        return kind
    if isinstance(annotation, cst.Subscript) and len(annotation.slice) == 1:
        inner = annotation.slice[0].slice
        if isinstance(inner, cst.Index):
            what = _type_of(inner.value, scope, resolver, bearing)
            if dotted(annotation.value) in _CONTEXT_VARS:
                return f"var:{what}" if what else ""
            if dotted(annotation.value) in ("Optional", "typing.Optional"):
                return what
        return ""
    if isinstance(annotation, cst.Name) and annotation.value in bearing:
        bindings = resolver.lookup(annotation.value, scope) or []
        if bindings and bindings[0].kind is BindingKind.CLASS:
            return f"obj:{annotation.value}"
    if isinstance(annotation, cst.SimpleString):  # "Context"
        text = annotation.evaluated_value
        if isinstance(text, str) and text.isidentifier() and text in bearing:
            return f"obj:{text}"
    if isinstance(annotation, (cst.Name, cst.Attribute)):  # an imported class
        resolved = resolver.resolve(annotation, scope)
        if resolved.kind is SymKind.QUALIFIED and resolved.name \
                and resolved.name.split(".")[0] not in sys.stdlib_module_names:
            return f"{EXTERNAL}{resolved.name}"
    return ""
