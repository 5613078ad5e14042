"""Tracked-set fix (safe) for dropped tasks: keep the Task in a set that drops it when done.

    asyncio.create_task(work())            task = asyncio.create_task(work())
                                     ->    _background_tasks.add(task)
                                           task.add_done_callback(_background_tasks.discard)

The task still runs concurrently, exactly as before; it is now strongly referenced until it
finishes. Inside a method that can reach `self` (of a class with its own `__init__`), the set is
`self._background_tasks`, created in `__init__`, and cancelled in the class's close-like
method when it has one; elsewhere it is a module-level set (see `sets`).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.scopes import ScopeKind
from taskleak.analysis.spawns import Spawn
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Conflict, Edits
from taskleak.fixes.imports import header
from taskleak.fixes.plan import NoFix, Offer
from taskleak.fixes.sets import (
    THREAD_SPAWNER,
    close_method,
    fresh_local,
    init_method,
    instance_set,
    module_set,
    part_of_closing,
)
from taskleak.fixes.shapes import Form, Shape, hoisted, spawn_shape
from taskleak.rules import FixKind, Verdict

KIND = FixKind.TRACKED_SET


def offer(ctx: FixContext, sp: Spawn, verdict: Verdict) -> Offer | NoFix:
    scope = sp.site.scope
    if scope.kind is ScopeKind.CLASS:
        return NoFix("the spawn runs in a class body")
    shape = spawn_shape(ctx, sp.site.node)
    if isinstance(shape, NoFix):
        return shape
    if scope.kind is ScopeKind.MODULE and _top_index(ctx, shape) < header(ctx.module).end:
        return NoFix("the spawn runs at module level among the imports, before a set could "
                     "be defined")
    access = ctx.instance_access(scope)
    where = "a module-level set"
    if access is not None:
        cls = access[0]
        assert isinstance(cls.node, cst.ClassDef)
        if init_method(cls.node) is not None:
            close = None if part_of_closing(sp) else close_method(cls.node)
            where = f"a set on the instance (created in {cls.name}.__init__"
            where += f", cancelled in {close.name.value}())" if close is not None else ")"
    noun = "future" if sp.spawner == THREAD_SPAWNER else "task"
    description = f"keep the {noun} in {where} that drops it when done"

    def build(edits: Edits) -> None:
        _build(edits, ctx, sp, shape)

    return Offer(KIND, True, description, build)


def _top_index(ctx: FixContext, shape: Shape) -> int:
    node: cst.CSTNode | None = shape.placement.line
    while node is not None:
        parent = ctx.parent(node)
        if isinstance(parent, cst.Module):
            return list(parent.body).index(node)  # type: ignore[arg-type]
        node = parent
    return 0


def set_expression(edits: Edits, ctx: FixContext, sp: Spawn) -> str:
    """`self._background_tasks` or `_background_tasks`, creating the set when needed."""
    access = ctx.instance_access(sp.site.scope)
    if access is not None:
        cls, _, self_name = access
        attr = instance_set(edits, ctx, cls, sp.spawner,
                            cancel_on_close=not part_of_closing(sp))
        if attr is not None:
            return f"{self_name}.{attr}"
    return module_set(edits, ctx, sp.spawner)


def _build(edits: Edits, ctx: FixContext, sp: Spawn, shape: Shape) -> None:
    call = sp.site.node
    set_expr = set_expression(edits, ctx, sp)
    base = "future" if sp.spawner == THREAD_SPAWNER else "task"
    if shape.form is Form.BOUND:
        assert shape.target is not None
        name = shape.target.value
        if name == "_":  # `_ = create_task(...)`: give the task a real name
            name = fresh_local(ctx, sp.site.scope, base)
            renamed = shape.small.deep_replace(shape.target, cst.Name(name))
            assert isinstance(renamed, cst.BaseSmallStatement)
            first: cst.BaseSmallStatement = renamed
        else:
            first = shape.small
        rest: cst.BaseSmallStatement | None = None
    else:
        name = fresh_local(ctx, sp.site.scope, base)
        first, rest = hoisted(shape, call, name)
    if not name.isidentifier():
        raise Conflict(f"cannot track {name!r}")
    tracking = edits.small_statements(
        f"{set_expr}.add({name})\n{name}.add_done_callback({set_expr}.discard)",
        at=ctx.own_line(shape.small))
    edits.replace_small(shape.small, [first, *tracking, *([rest] if rest is not None else [])])
