"""The sets that keep tasks alive: one per module, or one per instance created in `__init__`.

Module level: `_background_tasks: set[asyncio.Task[Any]] = set()` after the imports, reused by
every fix in the module (and by later runs: an existing `_background_tasks = set()` is reused).

Instance level, for a spawn in a method that can reach `self`: `self._background_tasks` created
in `__init__` (after the `super().__init__(...)` call and the block of `self.x = ...`
assignments at its top, before any statement that could run the instance's own code). Nothing
cancels the set's tasks: a safe fix only keeps a reference (cancelling on close is a change of
behaviour, and the close method may run while the instance is still in use: a reconnect, a
handler that disconnects).

A set the project already keeps its tasks in (any `set()` that a task's done-callback
`discard`s from: `task.add_done_callback(_tasks.discard)`) is reused rather than a second one
added beside it: at module level, or an attribute created in `__init__`.

A class that has no `__init__` of its own, defines `__slots__`, or is frozen or slotted by a
decorator gets the module-level set instead: adding an `__init__` could skip a base class's or a
dataclass's generated one, and a slotted class cannot take a new attribute.

Futures from `asyncio.run_coroutine_threadsafe` (`concurrent.futures.Future`) go in a separate
`_background_futures` set so that each set's annotation stays true.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from enum import Enum

import libcst as cst

from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.scopes import Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import (
    CLOSE_METHODS,
    ENSURE_FUTURE,
    GATHER,
    SHIELD,
    THREADSAFE_SPAWNER,
    ends_lifecycle,
)
from taskleak.fixes.annotations import annotation
from taskleak.fixes.context import FixContext, decorator_names
from taskleak.fixes.edits import Edits
from taskleak.fixes.imports import MODULE_STATEMENTS, add_module_statement, module_ref, name_ref
from taskleak.fixes.naming import candidates, fresh_name
from taskleak.records import record

# what these return is an asyncio Future, not always a Task
FUTURE_SPAWNERS = ENSURE_FUTURE | {GATHER, SHIELD}
SLOTTED_DECORATORS = frozenset({"define", "frozen", "mutable"})  # attrs' slotted classes
INSTANCE_SETS = "instance-sets"  # Edits.shared key: the instance sets to render
# `x.add_done_callback(NAME.discard)` / `(self.NAME.discard)`: a set used for keeping tasks
_DISCARDED_FROM = re.compile(r"\.add_done_callback\(\s*(\w+\.)?(\w+)\.discard\s*\)")


@record(frozen=True)
class SetSpec:
    """A task set a fix put its task in (rendered once all fixes of the module are known)."""

    name: str  # "_background_tasks" or the attribute name
    element: str  # "asyncio.Task[Any]", "asyncio.Future[Any]", "concurrent.futures.Future[Any]"
    created: bool  # False when the set already exists and is reused


class Group(Enum):
    """What a tracked set holds: asyncio tasks, or `concurrent.futures` futures."""

    TASKS = "tasks"
    FUTURES = "futures"


def group_of(spawner: str) -> Group:
    return Group.FUTURES if spawner == THREADSAFE_SPAWNER else Group.TASKS


def _element(edits: Edits, ctx: FixContext, spawner: str, previous: str | None) -> str:
    any_ref = name_ref(edits, ctx, "typing", "Any")
    if spawner == THREADSAFE_SPAWNER:
        return f"{module_ref(edits, ctx, 'concurrent.futures')}.Future[{any_ref}]"
    asyncio_ref = module_ref(edits, ctx, "asyncio")
    if spawner in FUTURE_SPAWNERS or (previous is not None and ".Future[" in previous):
        return f"{asyncio_ref}.Future[{any_ref}]"  # a Task is a Future; not the other way
    return f"{asyncio_ref}.Task[{any_ref}]"


def set_element(edits: Edits, ctx: FixContext, group: Group) -> str:
    """A type every member of a group's set has (for a set whose element type is unknown)."""
    return _element(edits, ctx, THREADSAFE_SPAWNER if group is Group.FUTURES
                    else "asyncio.ensure_future", None)


def is_set_value(value: cst.BaseExpression | None) -> bool:
    """`set()`, `set(x)`, `{a, b}`, `{x for x in y}`, `weakref.WeakSet()`."""
    if isinstance(value, (cst.Set, cst.SetComp)):
        return True
    if isinstance(value, cst.Call):
        func = value.func
        name = func.value if isinstance(func, cst.Name) else (
            func.attr.value if isinstance(func, cst.Attribute) else "")
        return name in ("set", "WeakSet")
    return False


def _is_empty_set(value: cst.BaseExpression | None) -> bool:
    return isinstance(value, cst.Call) and isinstance(value.func, cst.Name) \
        and value.func.value == "set" and not value.args


# -- module level -------------------------------------------------------------------------------
def _reusable_module_set(ctx: FixContext, name: str) -> bool:
    bindings = ctx.root.bindings.get(name, [])
    if len(bindings) != 1 or not _is_empty_set(bindings[0].value):
        return False
    return all(name not in s.bindings for s in ctx.scopes() if s is not ctx.root)


def discarded_from(code: str) -> list[tuple[str, str]]:
    """(owner, name) of every set a done-callback discards from in `code`: ("", "_tasks") for
    `add_done_callback(_tasks.discard)`, ("self", "_tasks") for `(self._tasks.discard)`."""
    return [(m.group(1)[:-1] if m.group(1) else "", m.group(2))
            for m in _DISCARDED_FROM.finditer(code)]


def _project_module_set(ctx: FixContext) -> str | None:
    """A module-level set the project already keeps tasks in (see the module docstring)."""
    # the source when known: generating the module's code took ~1 ms per KB (homeassistant)
    text = ctx.analysis.text
    for owner, name in discarded_from(text if text is not None else ctx.module.code):
        if not owner and _reusable_module_set(ctx, name):
            return name
    return None


def _set_name(group: Group, taken: Set[str],
              reusable: Callable[[str], bool]) -> tuple[str, bool]:
    """The first free name for a tracked set (`_background_tasks`, `_background_tasks_2`, ...),
    or an existing set of that name the fix can reuse; and whether it is such a set."""
    base = "_background_futures" if group is Group.FUTURES else "_background_tasks"
    name = next(n for n in candidates(base) if reusable(n) or n not in taken)
    return name, reusable(name)


def module_set(edits: Edits, ctx: FixContext, spawner: str) -> str:
    """The module-level set's name, creating the set (once) when the module has none."""
    group = group_of(spawner)
    key = f"module-set:{group.value}"
    spec: SetSpec | None = edits.shared.get(key)
    if spec is None:
        taken = ctx.module_names()
        name, reusable = _set_name(group, taken, lambda n: _reusable_module_set(ctx, n))
        own = _project_module_set(ctx) if group is Group.TASKS else None
        if own is not None:
            name, reusable = own, True
        if reusable:
            spec = SetSpec(name, "", created=False)
        else:
            spec = SetSpec(name, _element(edits, ctx, spawner, None), created=True)
            add_module_statement(edits, f"{key}")  # placeholder, rendered in render_sets()
    elif spec.created:
        spec = SetSpec(spec.name, _element(edits, ctx, spawner, spec.element), created=True)
    edits.shared[key] = spec
    return spec.name


# -- instance level ----------------------------------------------------------------------------
def _class_body(cls: cst.ClassDef) -> list[cst.BaseStatement]:
    return list(cls.body.body) if isinstance(cls.body, cst.IndentedBlock) else []


def _methods(cls: cst.ClassDef, name: str) -> list[cst.FunctionDef]:
    return [s for s in _class_body(cls) if isinstance(s, cst.FunctionDef) and s.name.value == name]


def _first_param(fn: cst.FunctionDef) -> str | None:
    params = [*fn.params.posonly_params, *fn.params.params]
    if not params or any(d in ("staticmethod", "classmethod") for d in decorator_names(fn)):
        return None
    return params[0].name.value


def _slotted(cls: cst.ClassDef) -> bool:
    for stmt in _class_body(cls):
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                targets: list[cst.BaseExpression] = []
                if isinstance(small, cst.Assign):
                    targets = [t.target for t in small.targets]
                elif isinstance(small, cst.AnnAssign):
                    targets = [small.target]
                if any(isinstance(t, cst.Name) and t.value == "__slots__" for t in targets):
                    return True
    for d in cls.decorators:
        node = d.decorator
        if isinstance(node, cst.Call):
            for arg in node.args:
                if arg.keyword is not None and arg.keyword.value in ("slots", "frozen") \
                        and isinstance(arg.value, cst.Name) and arg.value.value == "True":
                    return True
    return any(name in SLOTTED_DECORATORS for name in decorator_names(cls))


def init_method(cls: cst.ClassDef) -> cst.FunctionDef | None:
    """The class's own `__init__`, when a set can be created in it."""
    inits = _methods(cls, "__init__")
    if len(inits) != 1 or _slotted(cls):
        return None
    init = inits[0]
    if init.decorators or _first_param(init) is None or \
            not isinstance(init.body, cst.IndentedBlock):
        return None
    return init


def close_method(cls: cst.ClassDef) -> cst.FunctionDef | None:
    """The close-like method to cancel tasks in: async ones first, then by CLOSE_METHODS."""
    found: list[tuple[int, int, cst.FunctionDef]] = []
    for order, name in enumerate(CLOSE_METHODS):
        for fn in _methods(cls, name):
            if _first_param(fn) is not None and isinstance(fn.body, cst.IndentedBlock):
                found.append((0 if fn.asynchronous is not None else 1, order, fn))
    if not found:
        return None
    return min(found, key=lambda f: (f[0], f[1]))[2]


def self_param(fn: cst.FunctionDef) -> str | None:
    """The instance parameter of a method, or None (a static or class method, no parameter)."""
    return _first_param(fn)


def first_param(fn: cst.FunctionDef) -> str:
    name = _first_param(fn)
    assert name is not None
    return name


def class_attrs(ctx: FixContext, cls: cst.ClassDef) -> set[str]:
    """Attribute names used in the class and in its base classes defined in the module."""
    out = set(ctx.attrs_in(cls)) | set(ctx.names_in(cls))
    seen = {cls}
    bases = [b.value for b in cls.bases]
    while bases:
        base = bases.pop()
        if not isinstance(base, cst.Name):
            continue
        for s in ctx.module.body:
            if isinstance(s, cst.ClassDef) and s.name.value == base.value and s not in seen:
                seen.add(s)
                out |= set(ctx.attrs_in(s)) | set(ctx.names_in(s))
                bases.extend(b.value for b in s.bases)
    return out


def _reusable_instance_set(cls_scope: Scope, attr: str) -> bool:
    values = cls_scope.attr_bindings.get(attr, [])
    return len(values) == 1 and _is_empty_set(values[0][0]) and values[0][1].name == "__init__"


def _project_instance_set(ctx: FixContext, cls_scope: Scope, cls: cst.ClassDef) -> str | None:
    """An attribute set created in `__init__` that the class already keeps tasks in."""
    for owner, name in discarded_from(ctx.module.code_for_node(cls)):
        if owner and _reusable_instance_set(cls_scope, name):
            return name
    return None


def instance_set(edits: Edits, ctx: FixContext, cls_scope: Scope, spawner: str) -> str | None:
    """The instance set's attribute name (created in `__init__` once), or None when the class
    cannot take one (see the module docstring)."""
    cls = cls_scope.node
    assert isinstance(cls, cst.ClassDef)
    init = init_method(cls)
    if init is None:
        return None
    group = group_of(spawner)
    key = f"instance-set:{id(cls)}:{group.value}"
    spec: SetSpec | None = edits.shared.get(key)
    if spec is None:
        taken = class_attrs(ctx, cls)
        attr, reusable = _set_name(group, taken,
                                   lambda a: _reusable_instance_set(cls_scope, a))
        own = _project_instance_set(ctx, cls_scope, cls) if group is Group.TASKS else None
        if own is not None:
            attr, reusable = own, True
        if reusable:
            spec = SetSpec(attr, "", created=False)
        else:
            spec = SetSpec(attr, _element(edits, ctx, spawner, None), created=True)
        pending: list[InstanceSet] = edits.shared.get(INSTANCE_SETS, [])
        edits.shared[INSTANCE_SETS] = [*pending, InstanceSet(key, cls, init, group)]
    elif spec.created:
        spec = SetSpec(spec.name, _element(edits, ctx, spawner, spec.element), created=True)
    edits.shared[key] = spec
    return spec.name


@record(frozen=True)
class InstanceSet:
    key: str  # Edits.shared key of its SetSpec
    cls: cst.ClassDef
    init: cst.FunctionDef
    group: Group


def part_of_closing(sp: Spawn) -> bool:
    """The spawn is shutdown work: it runs in a close-like method, or runs one
    (`run_coroutine_threadsafe(self.aclose(), loop)`); close() must not cancel it."""
    method = sp.site.scope.method()
    if method is not None and ends_lifecycle(method.name):
        return True
    args = sp.site.args
    coro = args[0].value if args else None
    if isinstance(coro, cst.Call) and isinstance(coro.func, cst.Attribute) \
            and isinstance(coro.func.value, cst.Name) and method is not None \
            and coro.func.value.value == method.self_name:
        return ends_lifecycle(coro.func.attr.value)
    return False


def fresh_local(ctx: FixContext, scope: Scope, base: str = "task") -> str:
    """A name for a new local in `scope` (a function, or the module) that shadows nothing."""
    if scope.kind is ScopeKind.FUNCTION:
        return fresh_name(ctx.names_in(scope.node), base)
    return fresh_name(ctx.module_names(), base)


def render_sets(edits: Edits, ctx: FixContext) -> None:
    """Write the set creations now that every fix of the module has chosen its set."""
    pending: list[str] = edits.shared.get(MODULE_STATEMENTS, [])
    rendered: list[str] = []
    for item in pending:
        spec = edits.shared.get(item) if item.startswith("module-set:") else None
        if isinstance(spec, SetSpec):
            rendered.append(f"{spec.name}: {annotation(ctx, f'set[{spec.element}]')} = set()")
        else:
            rendered.append(item)
    if pending:
        edits.shared[MODULE_STATEMENTS] = rendered
    for inst in edits.shared.pop(INSTANCE_SETS, []):
        spec = edits.shared[inst.key]
        if spec.created:
            edits.prefix_body(inst.init, edits.statements(
                f"{first_param(inst.init)}.{spec.name}: "
                f"{annotation(ctx, f'set[{spec.element}]')} = set()",
                at=inst.init, inside=True), with_attributes=True)
