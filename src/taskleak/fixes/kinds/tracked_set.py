"""Tracked-set fix (safe) for dropped tasks: keep the Task in a set that drops it when done.

    asyncio.create_task(work())            task = asyncio.create_task(work())
                                     ->    _background_tasks.add(task)
                                           task.add_done_callback(_background_tasks.discard)

The task still runs concurrently, exactly as before; it is now strongly referenced until it
finishes. Inside a method that can reach `self` (of a class with its own `__init__`), the set is
`self._background_tasks`, created in `__init__`, and cancelled in the class's close-like
method when it has one; elsewhere it is a module-level set (see `sets`). Where no statement can
go (a lambda, a comprehension, a header, a default argument ...) the spawn is wrapped in the
module's keep-helper; a project's own helper, when configured, is called instead (`keeper`).

A coroutine that runs forever (`while True`) must also be cancelled on shutdown: in the class's
close-like method, or in the module's shutdown hook (`shutdown`); without either there is no
fix, and the finding stays with the reason.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.scopes import ScopeKind
from taskleak.analysis.spawns import Spawn
from taskleak.analysis.vocabulary import CLOSE_METHODS
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Conflict, Edits
from taskleak.fixes.imports import header
from taskleak.fixes.keeper import helper_name, module_helper, project_offer
from taskleak.fixes.plan import NoFix, Offer
from taskleak.fixes.sets import (
    THREAD_SPAWNER,
    close_method,
    fresh_local,
    group_of,
    init_method,
    instance_set,
    module_set,
    part_of_closing,
)
from taskleak.fixes.shapes import Form, Shape, fitted, hoisted, spawn_shape
from taskleak.fixes.shutdown import cancel_in_hook, module_shutdown, runs_forever
from taskleak.rules import FixKind, Verdict

KIND = FixKind.TRACKED_SET


def offer(ctx: FixContext, sp: Spawn, verdict: Verdict) -> Offer | NoFix:
    scope = sp.site.scope
    call = sp.site.node
    if scope.kind is not ScopeKind.FUNCTION and _top_index(ctx, call) < header(ctx.module).end:
        return NoFix("the spawn runs at module level among the imports, before a set could "
                     "be defined")
    noun = "future" if sp.spawner == THREAD_SPAWNER else "task"
    project = project_offer(ctx, sp, KIND, noun)
    if project is not None:
        return project
    shape = NoFix("the spawn runs in a class body") if scope.kind is ScopeKind.CLASS \
        else spawn_shape(ctx, call)
    ending = _ending(ctx, sp, on_instance=not isinstance(shape, NoFix))
    if isinstance(ending, NoFix):
        return ending
    where, hook = ending
    if isinstance(shape, NoFix):  # no statement fits: the module's keep-helper
        name = helper_name(ctx, group_of(sp.spawner))

        def build_helper(edits: Edits) -> None:
            edits.wrap_call(call, module_helper(edits, ctx, sp.spawner))
            if hook is not None:
                cancel_in_hook(edits, ctx, hook, module_set(edits, ctx, sp.spawner),
                               group_of(sp.spawner))

        return Offer(KIND, True, f"keep the {noun} with {name}(), which holds it in {where} "
                     "until it is done", build_helper)

    def build(edits: Edits) -> None:
        set_expr = _build(edits, ctx, sp, shape)
        if hook is not None:
            cancel_in_hook(edits, ctx, hook, set_expr, group_of(sp.spawner))

    return Offer(KIND, True, f"keep the {noun} in {where} that drops it when done", build)


def _ending(ctx: FixContext, sp: Spawn, on_instance: bool
            ) -> tuple[str, cst.FunctionDef | None] | NoFix:
    """Where the task will be kept (words for the report), and the module's shutdown hook
    that must cancel it (for a coroutine that runs forever in a module-level set); NoFix when
    such a coroutine would be kept with nothing to end it."""
    forever = runs_forever(ctx, sp)
    coro = ctx.fates(sp)[0].coroutine if ctx.fates(sp) else "the coroutine"
    access = ctx.instance_access(sp.site.scope) if on_instance else None
    cls = access[0] if access is not None else None
    if cls is not None and isinstance(cls.node, cst.ClassDef) \
            and init_method(cls.node) is not None:
        close = None if part_of_closing(sp) else close_method(cls.node)
        if forever and close is None:
            return NoFix(f"{coro} runs forever (`while True`) and {cls.name} has no close-like "
                         f"method to cancel it in ({', '.join(CLOSE_METHODS)}): add one, or "
                         "end the loop yourself")
        where = f"a set on the instance (created in {cls.name}.__init__"
        return where + (f", cancelled in {close.name.value}())" if close else ")"), None
    if not forever:
        return "a module-level set", None
    hook = module_shutdown(ctx)
    if hook is None:
        return NoFix(f"{coro} runs forever (`while True`) and nothing would cancel it in a "
                     "module-level set: add a `shutdown()` function to the module, or end the "
                     "loop yourself")
    return f"a module-level set, cancelled in {hook.name.value}()", hook


def _top_index(ctx: FixContext, node: cst.CSTNode) -> int:
    """The index of the module-level statement holding `node`."""
    current: cst.CSTNode | None = node
    while current is not None:
        parent = ctx.parent(current)
        if isinstance(parent, cst.Module):
            return list(parent.body).index(current)  # type: ignore[arg-type]
        current = parent
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


def _build(edits: Edits, ctx: FixContext, sp: Spawn, shape: Shape) -> str:
    """Track the task of a spawn that is a statement; the set's expression."""
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
        first = fitted(edits, ctx, first, call, shape.small)
    if not name.isidentifier():
        raise Conflict(f"cannot track {name!r}")
    tracking = edits.small_statements(
        f"{set_expr}.add({name})\n{name}.add_done_callback({set_expr}.discard)",
        at=ctx.own_line(shape.small))
    edits.replace_small(shape.small, [first, *tracking, *([rest] if rest is not None else [])])
    return set_expr
