"""Light name resolution over the scopes recorded by `scan.py`.

This replaces libcst's ScopeProvider/QualifiedNameProvider (~0.3 s a file): it knows imports,
aliases (`spawn = asyncio.create_task`), assignments of calls (`loop = asyncio.get_running_loop()`),
annotated parameters, `with ... as` targets and `self.X` attributes assigned in a class.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any

import libcst as cst

from taskleak.analysis.names.objects import object_class
from taskleak.analysis.tree.library_facts import TORNADO_LOOP_FACTORIES, TORNADO_LOOP_TYPES
from taskleak.analysis.tree.nodes import dotted, last_name
from taskleak.analysis.tree.scopes import Binding, BindingKind, Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import (
    LOOP_FACTORIES,
    LOOP_FACTORY_SUFFIXES,
    LOOP_GETTERS,
    LOOP_POLICIES,
    LOOP_TYPE_SUFFIX,
    LOOP_TYPES,
    POLICY_LOOP_METHODS,
    TASKGROUP_FACTORIES,
    TASKGROUP_FACTORY_NAMES,
    TASKGROUP_NAME_PARTS,
    TASKGROUP_TYPE_NAMES,
    TASKGROUP_TYPES,
    TRAIT_INSTANCE,
)
from taskleak.records import record


class SymKind(Enum):
    QUALIFIED = "qualified"  # an imported name: `name` is its qualified name
    INSTANCE = "instance"  # the value of a call or an annotated parameter: see `instance`
    LOCAL = "local"  # a function or class defined in this module
    UNKNOWN = "unknown"


class Instance(Enum):
    """What kind of object an instance is, as far as spawns are concerned."""

    LOOP = "loop"
    TORNADO_LOOP = "tornado_loop"  # tornado's IOLoop: no spawn method, but see vocabulary
    TASKGROUP = "taskgroup"
    NURSERY = "nursery"
    OTHER = "other"


@record(frozen=True)
class Sym:
    """What an expression refers to."""

    kind: SymKind
    name: str = ""  # QUALIFIED: the qualified name; INSTANCE: its class's, when known
    instance: Instance | None = None  # INSTANCE: its kind; LOCAL: what calling it returns


UNKNOWN = Sym(SymKind.UNKNOWN)
# `Optional[X]` and `Union[X, None]` annotations hold what X holds
_UNIONS = frozenset({"typing.Optional", "typing.Union", "typing_extensions.Optional",
                     "typing_extensions.Union"})
_GROUPS = {"taskgroup": Instance.TASKGROUP, "nursery": Instance.NURSERY}


class Resolver:
    def __init__(self, module: Scope) -> None:
        self.module = module
        self._active: set[int] = set()
        # what each class attribute holds (by (class, name)) and what each scope's bindings of a
        # name give (by the list), once known; the keys being worked out; how many times one
        # was asked for while being worked out (a cut: `_once`)
        self._attributes: dict[tuple[int, str], Sym] = {}
        self._names: dict[int, Sym] = {}
        self._active_keys: set[Any] = set()
        self._cuts = 0

    # -- lookups ---------------------------------------------------------------------------
    def lookup(self, name: str, scope: Scope) -> list[Binding] | None:
        """The bindings a name refers to from `scope` (Python's LEGB, minus builtins)."""
        s: Scope | None = scope
        first = True
        while s is not None:
            if s.kind is ScopeKind.CLASS and not first:
                s = s.parent
                continue
            if name in s.declared_global:
                return self.module.bindings.get(name)
            found = s.bindings.get(name)
            if found:
                return found
            first = False
            s = s.parent
        return None

    def defining_scope(self, name: str, scope: Scope) -> Scope | None:
        bindings = self.lookup(name, scope)
        if not bindings:
            return None
        return bindings[0].scope

    # -- evaluation ------------------------------------------------------------------------
    def resolve(self, node: cst.BaseExpression, scope: Scope) -> Sym:
        key = id(node)
        if key in self._active:  # `x = x.y` cycles
            return UNKNOWN
        self._active.add(key)
        try:
            return self._resolve(node, scope)
        finally:
            self._active.discard(key)

    def _resolve(self, node: cst.BaseExpression, scope: Scope) -> Sym:
        if isinstance(node, cst.Name):
            bindings = self.lookup(node.value, scope)
            return self._name(bindings) if bindings else UNKNOWN
        if isinstance(node, cst.Attribute):
            attr = node.attr.value
            base = node.value
            if isinstance(base, cst.Name):
                method = scope.method()
                if method is not None and method.self_name == base.value and \
                        self.lookup(base.value, scope) == method.bindings.get(base.value):
                    cls = scope.enclosing_class()
                    if cls is not None:
                        return self.attribute(cls, attr)
            b = self.resolve(base, scope)
            if b.kind is SymKind.QUALIFIED:
                return Sym(SymKind.QUALIFIED, f"{b.name}.{attr}")
            owner = object_class(base, scope, self)  # `state.loop`, `current.get().loop`
            if owner is not None:
                return self.attribute(owner, attr)
            return UNKNOWN
        if isinstance(node, cst.Call):
            return self._call(node, scope)
        if isinstance(node, cst.Await):
            return self.resolve(node.expression, scope)
        if isinstance(node, cst.Subscript):  # `asyncio.Task[None]` annotations
            return self._subscript(node, scope)
        if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
            return self._string(node, scope)
        if isinstance(node, cst.BinaryOperation):  # `AbstractEventLoop | None`
            left = self.resolve(node.left, scope)
            return left if left.kind is not SymKind.UNKNOWN else self.resolve(node.right, scope)
        if isinstance(node, cst.BooleanOperation):  # `loop or IOLoop.current()`
            return self._either(node.left, node.right, scope)
        if isinstance(node, cst.IfExp):  # `loop if loop is not None else get_event_loop()`
            return self._either(node.body, node.orelse, scope)
        return UNKNOWN

    def _name(self, bindings: list[Binding]) -> Sym:
        """What a name bound by `bindings` (one scope's list for the name) refers to: the first
        binding that gives an import or a known kind of instance, else anything known.

        Worked out once per name (`_once`), like `attribute`: a name asked for while it is
        being worked out (`data = data.astype(...)` 13 times in one function: each value asked
        for all 13 again, in every order; gradio's processing_utils.py took minutes) is unknown
        there."""
        return self._once(self._names, id(bindings), lambda: _first_known(
            [self._binding(b) for b in bindings]))

    def _once(self, known: dict[Any, Sym], key: Any, work: Callable[[], Sym]) -> Sym:
        """`work()`, kept in `known` under `key`: asked for again while it runs, it is unknown
        there (a cut), and what was worked out with a cut is not kept (it is asked again,
        whole)."""
        found = known.get(key)
        if found is not None:
            return found
        if key in self._active_keys:
            self._cuts += 1
            return UNKNOWN
        self._active_keys.add(key)
        cuts = self._cuts
        try:
            sym = work()
        finally:
            self._active_keys.discard(key)
        if self._cuts == cuts:
            known[key] = sym
        return sym

    def _call(self, node: cst.Call, scope: Scope) -> Sym:
        """What calling `node.func` gives."""
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in ("__aenter__", "__enter__"):
            # `await manager.__aenter__()`: what `async with manager as x` binds (a `with`)
            return self.resolve(func.value, scope)
        if isinstance(func, cst.Attribute) and func.attr.value in _STACK_ENTERS and node.args \
                and self.resolve(func.value, scope).name in _EXIT_STACKS:
            # `await stack.enter_async_context(manager)`: the same, entered on an exit stack
            return self.resolve(node.args[0].value, scope)
        if last_name(func) in LOOP_GETTERS:  # `self.server.get_loop()`
            return Sym(SymKind.INSTANCE, instance=Instance.LOOP)
        if isinstance(func, cst.Attribute) and func.attr.value in POLICY_LOOP_METHODS:
            # `asyncio.get_event_loop_policy().new_event_loop()`: an event loop policy's loop
            policy = self.resolve(func.value, scope)
            if policy.kind is SymKind.INSTANCE and policy.name in LOOP_POLICIES:
                return Sym(SymKind.INSTANCE, instance=Instance.LOOP)
        f = self.resolve(func, scope)
        if f.kind is SymKind.QUALIFIED and f.name in TRAIT_INSTANCE:
            return self._trait(node, scope)
        if f.kind is SymKind.QUALIFIED:
            return _instance_of(f.name)
        if f.kind is SymKind.LOCAL or f.kind is SymKind.INSTANCE:
            made = f.instance if f.kind is SymKind.LOCAL else None
            return Sym(SymKind.INSTANCE, instance=made or Instance.OTHER)
        return UNKNOWN

    def _trait_of(self, b: Binding) -> Sym | None:
        """What a class attribute declared with traitlets' `Instance(...)` holds, else None."""
        value = b.value
        if b.kind is not BindingKind.ASSIGN or not isinstance(value, cst.Call) \
                or b.scope is None:
            return None
        f = self.resolve(value.func, b.scope)
        return self._trait(value, b.scope) \
            if f.kind is SymKind.QUALIFIED and f.name in TRAIT_INSTANCE else None

    def _trait(self, node: cst.Call, scope: Scope) -> Sym:
        """traitlets' `Instance(klass)` (a class, or its import path as a string): the
        attribute it declares holds an instance of `klass`."""
        klass = next((a.value for a in node.args if a.keyword is None and not a.star), None) \
            or next((a.value for a in node.args
                     if a.keyword is not None and a.keyword.value == "klass"), None)
        if isinstance(klass, cst.SimpleString):
            text = klass.evaluated_value
            return _instance_of_type(text) if isinstance(text, str) else UNKNOWN
        typed = self.resolve(klass, scope) if klass is not None else UNKNOWN
        return _instance_of_type(typed.name) if typed.kind is SymKind.QUALIFIED else UNKNOWN

    def _string(self, node: cst.SimpleString | cst.ConcatenatedString, scope: Scope) -> Sym:
        """A string annotation: "asyncio.AbstractEventLoop"."""
        text = node.evaluated_value if isinstance(node, cst.SimpleString) else None
        if isinstance(text, str):
            try:
                expr = cst.parse_expression(text)
            except cst.ParserSyntaxError:
                return UNKNOWN
            return self.resolve(expr, scope)
        return UNKNOWN

    def _either(self, first: cst.BaseExpression, second: cst.BaseExpression,
                scope: Scope) -> Sym:
        """A value that is one of two: a loop, IOLoop or task group when either side is one
        (`loop or IOLoop.current()`: an untyped parameter with a made default is what it
        defaults to), else unknown: a plain instance on one side says nothing of the other,
        and an unknown value keeps its name's hint (`spawns.classify_call`)."""
        for side in (first, second):
            s = self.resolve(side, scope)
            if s.kind is SymKind.INSTANCE and s.instance is not Instance.OTHER:
                return s
        return UNKNOWN

    def _subscript(self, node: cst.Subscript, scope: Scope) -> Sym:
        """`Task[None]` is a Task; `Optional[X]` and `Union[X, None]` hold what X holds (their
        first member that resolves)."""
        head = self.resolve(node.value, scope)
        if head.kind is not SymKind.QUALIFIED or head.name not in _UNIONS:
            return head
        for element in node.slice:
            if isinstance(element.slice, cst.Index):
                member = self.resolve(element.slice.value, scope)
                if member.kind is not SymKind.UNKNOWN:
                    return member
        return UNKNOWN

    def _binding(self, b: Binding) -> Sym:
        assert b.scope is not None
        if b.kind is BindingKind.IMPORT:
            return Sym(SymKind.QUALIFIED, b.qualified or "")
        if b.kind is BindingKind.DEF:
            # what calling it returns, when its return annotation says (`-> AbstractEventLoop`)
            made = self.typed(b.value, b.scope)
            return Sym(SymKind.LOCAL, b.kind.value, instance=made.instance if made else None)
        if b.kind is BindingKind.CLASS:
            return Sym(SymKind.LOCAL, b.kind.value)
        if b.kind is BindingKind.PARAM:
            if b.value is None:
                return self._self_of(b) if b.first_param else UNKNOWN
            return self.typed(b.value, b.scope) or UNKNOWN
        if b.annotation is not None:  # `loop: AbstractEventLoop = _sentinel`: the type wins
            typed = self.typed(b.annotation, b.scope)
            if typed is not None and typed.instance is not Instance.OTHER:
                return typed
        if (b.kind is BindingKind.ASSIGN or b.kind is BindingKind.WITH) and b.value is not None:
            return self.resolve(b.value, b.scope)
        return UNKNOWN

    def _self_of(self, b: Binding) -> Sym:
        """`self` of a method: an instance of the first base class that is imported (what a
        configured spawner `pkg.Base.spawn` names), else nothing known."""
        cls = b.scope.enclosing_class() if b.scope is not None else None
        if cls is None or not isinstance(cls.node, cst.ClassDef) or cls.parent is None:
            return UNKNOWN
        for arg in cls.node.bases:
            base = self.resolve(arg.value, cls.parent)
            if base.kind is SymKind.QUALIFIED:
                return Sym(SymKind.INSTANCE, base.name, Instance.OTHER)
        return UNKNOWN

    def typed(self, annotation: cst.BaseExpression | None, scope: Scope) -> Sym | None:
        """The instance a value annotated with `annotation` is, or None when unknown."""
        if annotation is None:
            return None
        t = self.resolve(annotation, scope)
        if t.kind is SymKind.QUALIFIED:
            return _instance_of_type(t.name)
        return None

    def attribute(self, cls: Scope, attr: str) -> Sym:
        """What reading attribute `attr` of an instance of class `cls` gives.

        Worked out once per attribute (`_once`). An attribute asked for while it is being
        worked out (`self._date = self._date.replace(...)`, assigned in 12 methods: each value
        asked for all 12 again, 12! ways; tanjun's schedules.py never finished) is unknown
        there."""
        return self._once(self._attributes, (id(cls), attr), lambda: self._attribute(cls, attr))

    def _attribute(self, cls: Scope, attr: str) -> Sym:
        # an annotation names the type whatever the first value is (discord.py's
        # `self.loop: asyncio.AbstractEventLoop = _loop`, a sentinel until login)
        for annotation, scope in cls.attr_annotations.get(attr, ()):
            typed = self.typed(annotation, scope)
            if typed is not None and typed.instance is not Instance.OTHER:
                return typed
        bindings = cls.bindings.get(attr)
        if bindings and bindings[0].kind is BindingKind.DEF and bindings[0].is_property:
            # `@property def loop(self) -> AbstractEventLoop`: reading it gives what it returns
            return self.typed(bindings[0].value, cls) or UNKNOWN
        if bindings:  # class-level `loop: asyncio.AbstractEventLoop`, `loop = Instance(IOLoop)`
            typed = self.typed(bindings[0].value if bindings[0].kind is BindingKind.PARAM
                               else bindings[0].annotation, cls) or self._trait_of(bindings[0])
            if typed is not None and typed.instance is not Instance.OTHER:
                return typed
        values = cls.attr_bindings.get(attr)
        if values:
            syms = [self.resolve(v, s) for v, s in values]
            for s in syms:
                if s.kind is not SymKind.UNKNOWN:
                    return s
            return UNKNOWN
        if bindings:
            return self._binding(bindings[0])
        return UNKNOWN


_TORNADO_LOOP = Sym(SymKind.INSTANCE, "tornado.ioloop.IOLoop", Instance.TORNADO_LOOP)


def _first_known(syms: list[Sym]) -> Sym:
    """The first import or known kind of instance among `syms`, else the first known."""
    return next((s for s in syms if s.kind is SymKind.QUALIFIED or (
        s.kind is SymKind.INSTANCE and s.instance is not Instance.OTHER)), None) \
        or next((s for s in syms if s.kind is not SymKind.UNKNOWN), UNKNOWN)


_STACK_ENTERS = frozenset({"enter_async_context", "enter_context"})
_EXIT_STACKS = frozenset({"contextlib.AsyncExitStack", "contextlib.ExitStack"})


def _instance_of(qualified: str) -> Sym:
    """The value of calling `qualified`."""
    if qualified in LOOP_FACTORIES or qualified.endswith(LOOP_FACTORY_SUFFIXES):
        return Sym(SymKind.INSTANCE, instance=Instance.LOOP)
    if qualified in TORNADO_LOOP_FACTORIES:
        return _TORNADO_LOOP
    last = qualified.rsplit(".", 1)[-1]
    group = TASKGROUP_FACTORIES.get(qualified) or TASKGROUP_FACTORY_NAMES.get(last) \
        or TASKGROUP_TYPE_NAMES.get(last)  # (`TaskGroup()` of a project's re-export too)
    if group is None and any(part in last for part in TASKGROUP_NAME_PARTS):
        group = "nursery" if "nursery" in last else "taskgroup"  # create_collapsing_task_group
    if group is not None:
        return Sym(SymKind.INSTANCE, instance=_GROUPS[group])
    return Sym(SymKind.INSTANCE, qualified, Instance.OTHER)  # `Worker()`: a Worker


def _instance_of_type(qualified: str) -> Sym:
    """The value of a parameter annotated with `qualified`."""
    if qualified in LOOP_TYPES or qualified.endswith(LOOP_TYPE_SUFFIX):
        return Sym(SymKind.INSTANCE, instance=Instance.LOOP)
    if qualified in TORNADO_LOOP_TYPES:
        return _TORNADO_LOOP
    group = TASKGROUP_TYPES.get(qualified) or TASKGROUP_TYPE_NAMES.get(
        qualified.rsplit(".", 1)[-1])
    if group is not None:
        return Sym(SymKind.INSTANCE, instance=_GROUPS[group])
    return Sym(SymKind.INSTANCE, qualified, Instance.OTHER)  # `w: Worker`: a Worker


def name_hint(node: cst.BaseExpression) -> str | None:
    """The last name of a receiver expression, for loops/task groups of unseen origin."""
    d = dotted(node)
    if d is not None:
        return d.rsplit(".", 1)[-1]
    return None
