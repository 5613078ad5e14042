"""Tracked-set fix (safe) for dropped tasks: keep a strong reference to the Task until it is
done, and nothing else (no cancel, no await, no new control flow).

    asyncio.create_task(work())            task = asyncio.create_task(work())
                                     ->    _background_tasks.add(task)
                                           task.add_done_callback(_background_tasks.discard)

The task still runs concurrently, exactly as before; it is now strongly referenced until it
finishes, and then released by its own done-callback, so nothing else outlives it: asyncio's
"exception was never retrieved" report (and a loop's exception handler) still fire when a
failed task is let go. The three-line form names the task in a local, so it is used only where
that local dies with the statement's frame at once (the spawn is the last thing its function
does) and the module has no other such spawn; elsewhere the spawn is wrapped in the module's
keep-helper (`_keep_task(asyncio.create_task(work()))`, one helper a module, however many
spawns), which leaves no local behind. A set or helper the project already uses for this is
reused (see `sets`, `keeper`); a project's configured helper is called instead (`keeper`).

`asyncio.wait_for()` returns a coroutine: dropped, it never runs, and keeping it would not run
it either, so it gets no safe fix (awaiting it is the author's call). Nor does a coroutine that
runs forever (`forever.py`): kept, it would run until the process exits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import libcst as cst

from taskleak.analysis.facts.fates import FateKind
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.scopes import ScopeKind
from taskleak.analysis.tree.vocabulary import THREADSAFE_SPAWNER, WAIT_FOR
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Conflict, Edits
from taskleak.fixes.forever import runs_forever
from taskleak.fixes.imports import header
from taskleak.fixes.keeper import helper_name, module_helper, project_helper, project_offer
from taskleak.fixes.plan import NoFix, Offer
from taskleak.fixes.policy import needs_fix
from taskleak.fixes.sets import (
    fresh_local,
    group_of,
    init_method,
    instance_set,
    module_set,
)
from taskleak.fixes.shapes import Form, Shape, fitted, hoisted, spawn_shape
from taskleak.rules import FixKind, Verdict, judge

KIND = FixKind.TRACKED_SET
NOT_RUN = WAIT_FOR  # returns a coroutine: nothing to keep (see the module docstring)


def offer(ctx: FixContext, sp: Spawn, verdict: Verdict) -> Offer | NoFix:
    scope = sp.site.scope
    call = sp.site.node
    if scope.kind is not ScopeKind.FUNCTION and _top_index(ctx, call) < header(ctx.module).end:
        return NoFix("the spawn runs at module level among the imports, before a set could "
                     "be defined")
    if sp.wrapper == NOT_RUN or sp.spawner == NOT_RUN:
        return NoFix("asyncio.wait_for() returns a coroutine: dropped, it never runs, and "
                     "keeping a reference would not run it either; await it, or spawn it")
    noun = "future" if sp.spawner == THREADSAFE_SPAWNER else "task"
    project = project_offer(ctx, sp, KIND, noun)
    if project is not None and not project.package_helper:
        return project  # the project's own helper: its shutdown may end what runs forever
    forever = runs_forever(ctx, sp)
    if forever is not None:
        return forever
    shape = NoFix("the spawn runs in a class body") if scope.kind is ScopeKind.CLASS \
        else spawn_shape(ctx, call)
    if project is not None:
        keeper = ctx.style.keep_helper
        return _without_unread_local(
            ctx, sp, shape, project, lambda edits: project_helper(edits, ctx, keeper))
    if isinstance(shape, NoFix) or _wants_helper(ctx, sp, shape):
        name = helper_name(ctx, group_of(sp.spawner))

        def build_helper(edits: Edits) -> None:
            edits.wrap_call(call, module_helper(edits, ctx, sp.spawner))

        return _without_unread_local(
            ctx, sp, shape, Offer(KIND, True, f"keep the {noun} with {name}(), which holds it "
                                  "in a module-level set until it is done", build_helper),
            lambda edits: module_helper(edits, ctx, sp.spawner))
    where = _where(ctx, sp)
    stale = stale_unused_noqa(shape)

    def build(edits: Edits) -> None:
        _build(edits, ctx, sp, shape)
        if stale is not None:
            edits.comments[stale[0]] = stale[1]

    return Offer(KIND, True, f"keep the {noun} in {where} that drops it when done", build,
                 comments=() if stale is None else ((stale[0].value, stale[1]),))


# a noqa directive -> its codes; F841 is "local variable assigned but never used"
_NOQA = re.compile(r"#\s*noqa\s*:\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*)", re.IGNORECASE)
UNUSED_LOCAL = "F841"


def stale_unused_noqa(shape: Shape) -> tuple[cst.Comment, str] | None:
    """The bound spawn's noqa directive for F841 and what it becomes once the fix reads the
    local (the other codes, or "" when none is left): a directive made stale is removed."""
    if shape.form is not Form.BOUND or not isinstance(shape.placement.line,
                                                      cst.SimpleStatementLine):
        return None
    comment = shape.placement.line.trailing_whitespace.comment
    match = _NOQA.search(comment.value) if comment is not None else None
    if comment is None or match is None:
        return None
    codes = re.split(r"[\s,]+", match.group(1).strip())
    if UNUSED_LOCAL not in (c.upper() for c in codes):
        return None
    kept = [c for c in codes if c.upper() != UNUSED_LOCAL]
    directive = f"# noqa: {', '.join(kept)}" if kept else ""
    rest = (comment.value[:match.start()] + comment.value[match.end():]).strip()
    text = " ".join(part for part in (directive, rest.lstrip("#").strip() and rest) if part)
    if text and not text.startswith("#"):
        text = "# " + text
    return comment, text


def _without_unread_local(ctx: FixContext, sp: Spawn, shape: Shape | NoFix, offer: Offer,
                          helper: Callable[[Edits], str]) -> Offer:
    """`task = spawn(...)  # noqa: F841`, a local nobody reads (the analysis says so, and its
    author's directive, the line's whole comment): the helper's call becomes the statement,
    and the name and the directive go, rather than a wrapped call still bound to a name that
    needs its noqa (uvicorn 0.54.0's `main_lifespan_task`). Any other offer, or a line that
    would not fit on one line (14: `_keep_task(` and `)`), as it is."""
    if isinstance(shape, NoFix) or shape.form is not Form.BOUND \
            or not isinstance(shape.small, cst.Assign) \
            or not any(fate.kind is FateKind.NEVER_READ for fate in ctx.fates(sp)):
        return offer
    stale = stale_unused_noqa(shape)
    call = sp.site.node
    code = ctx.module.code_for_node(call)
    line = ctx.module.code_for_node(shape.placement.line)
    indent = len(line) - len(line.lstrip())
    if stale is None or stale[1] or "\n" in code \
            or indent + len(code) + 14 > ctx.style.line_length:
        return offer  # a comment says more than F841 (the name may matter), or no room

    def build(edits: Edits) -> None:
        keep = cst.Call(func=cst.parse_expression(helper(edits)), args=[cst.Arg(call)])
        edits.replace_small(shape.small, [cst.Expr(keep)])
        edits.comments[stale[0]] = stale[1]

    return replace(offer, description=f"{offer.description}, in place of the local nobody "
                   "reads", build=build, comments=((stale[0].value, stale[1]),))


def _where(ctx: FixContext, sp: Spawn) -> str:
    """Where the three-line form keeps the task, in words for the report."""
    access = ctx.instance_access(sp.site.scope)
    cls = access[0] if access is not None else None
    if cls is not None and isinstance(cls.node, cst.ClassDef) \
            and init_method(cls.node) is not None:
        return f"a set on the instance (created in {cls.name}.__init__)"
    return "a module-level set"


def _wants_helper(ctx: FixContext, sp: Spawn, shape: Shape) -> bool:
    """The keep-helper rather than a new local: the local would outlive the task (its frame
    goes on after the spawn), or the module has more than one dropped spawn to fix (one helper
    instead of three lines at each, and never both forms in one module), or a concurrent
    future (its helper logs the error). A bound task keeps the name its author gave it, and
    gets the tracking lines when it is the module's only spawn to fix."""
    if sp.spawner == THREADSAFE_SPAWNER:  # its helper also logs the error nobody reads
        return True
    if dropped_spawns(ctx) > 1:
        return True
    return shape.form is not Form.BOUND and not _last_in_frame(ctx, shape.placement.line)


def dropped_spawns(ctx: FixContext) -> int:
    """How many spawns of the module a tracked-set fix would keep (once per module)."""
    cached = ctx.memo.get(KIND)
    if isinstance(cached, int):
        return cached
    count = sum(1 for sp, fates in zip(ctx.analysis.spawns, ctx.analysis.fates, strict=True)
                if KIND in (verdict := judge(fates)).rule.fix_kinds
                and needs_fix(verdict.risk, sp.structured) and runs_forever(ctx, sp) is None)
    ctx.memo[KIND] = count
    return count


# Statements whose body ends where they end: a spawn last in their block is last in the frame.
_PASS_THROUGH = (cst.If, cst.Else, cst.IndentedBlock, cst.SimpleStatementSuite)


def _last_in_frame(ctx: FixContext, line: cst.CSTNode) -> bool:
    """Nothing runs in the spawn's function after the statement `line`: each enclosing
    statement up to the function is the last of its block, with no loop, `async with`,
    `try` or `finally` that could go on after it. Module level never: a name there lives on."""
    node: cst.CSTNode = line
    while True:
        parent = ctx.parent(node)
        if parent is None or isinstance(parent, cst.Module):
            return False
        if isinstance(parent, cst.FunctionDef):
            return True
        if isinstance(parent, (cst.IndentedBlock, cst.SimpleStatementSuite)):
            body = list(parent.body)
            if body and body[-1] is not node:
                return False
        elif isinstance(parent, cst.With):
            if parent.asynchronous is not None:
                return False
        elif not isinstance(parent, _PASS_THROUGH):
            return False
        node = parent


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
        attr = instance_set(edits, ctx, cls, sp.spawner)
        if attr is not None:
            return f"{self_name}.{attr}"
    return module_set(edits, ctx, sp.spawner)


def _build(edits: Edits, ctx: FixContext, sp: Spawn, shape: Shape) -> None:
    """Track the task of a spawn that is a statement; the set's expression."""
    call = sp.site.node
    set_expr = set_expression(edits, ctx, sp)
    base = "future" if sp.spawner == THREADSAFE_SPAWNER else "task"
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
