"""Await fix (unsafe, opt-in) for dropped tasks: await the coroutine instead of spawning it.

    asyncio.create_task(self._send(msg))   ->   await self._send(msg)

The seeds' fix "A" for a fast websocket send. It changes concurrency (the caller now waits,
and the coroutine's exceptions reach it), so it is offered only where waiting is plausible:
inside `async def`, not in a loop (one wait per item), not for a coroutine that runs a
`while True` loop or is named like one (it would never return), not where a comment says the
work must run in the background, not where the awaited method cancels or awaits the task that
would await it (`own_holder`), not where the coroutine first sleeps for a time its caller
passes or waits on what only a later call of another method delivers (`blocking_await`), and
only for asyncio's own spawners, whose extra arguments (`name=`) can be dropped.
"""

from __future__ import annotations

import re

import libcst as cst

from taskleak.analysis.facts.fates import FateKind
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.nodes import callee_text
from taskleak.analysis.tree.scopes import ScopeKind, defined_function
from taskleak.fixes.blocking_await import delayed_start, waits_for_a_callback
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Edits
from taskleak.fixes.own_holder import self_ending
from taskleak.fixes.plan import NoFix, Offer
from taskleak.fixes.shapes import Form, Shape, spawn_shape, statement_comments
from taskleak.rules import FixKind, Verdict

KIND = FixKind.AWAIT
AWAITABLE_SPAWNERS = frozenset(
    {"asyncio.create_task", "asyncio.ensure_future", "loop.create_task", "loop.ensure_future"})
DROPPABLE_KEYWORDS = frozenset({"name", "loop"})
# Coroutines named like endless loops.
LOOP_LIKE = re.compile(
    r"(loop|forever|serve|server|listen|watch|poll|monitor|heartbeat|keep_?alive|consume|"
    r"worker|daemon|pump|ticker|sweep|reader|receiver|subscriber|run$|^_*run_|^_*main$)",
    re.IGNORECASE)
# Comments that say the work must not block the caller.
BACKGROUND_INTENT = re.compile(
    r"(background|block|concurren|parallel|fire.and.forget|meanwhile|detach|"
    r"(do not|don'?t|never|without) (a)?wait|in the meantime)", re.IGNORECASE)


def offer(ctx: FixContext, sp: Spawn, verdict: Verdict) -> Offer | NoFix:
    site = sp.site
    if sp.spawner not in AWAITABLE_SPAWNERS:
        return NoFix(f"awaiting is offered for asyncio's spawners only, not {sp.spawner}")
    if site.scope.kind is not ScopeKind.FUNCTION or not site.scope.is_async:
        return NoFix("not inside `async def`: the coroutine cannot be awaited there")
    if site.loops:
        return NoFix("spawned in a loop: awaiting would run the items one after another")
    shape = spawn_shape(ctx, site.node)
    if isinstance(shape, NoFix):
        return shape
    never_read = any(f.kind is FateKind.NEVER_READ for f in ctx.fates(sp))
    if shape.form is Form.CHAIN or (shape.form is Form.BOUND and not never_read):
        return NoFix("the task is used after the spawn")
    coro = _coroutine(site.node)
    if coro is None:
        return NoFix("the spawn has arguments besides the coroutine that awaiting would drop")
    callee = _callee_name(coro)
    target = defined_function(coro.func, site.scope) if isinstance(coro, cst.Call) else None
    if (target is not None and target.long_running) or (callee and LOOP_LIKE.search(callee)):
        return NoFix("the coroutine looks like an endless loop: awaiting it would never return")
    if BACKGROUND_INTENT.search(statement_comments(ctx, shape.placement)):
        return NoFix("a comment says this work runs in the background")
    ends_itself = self_ending(ctx, site.scope, coro)
    if ends_itself is not None:
        return NoFix(ends_itself)
    held_up = delayed_start(target) or waits_for_a_callback(site.scope, coro)
    if held_up is not None:
        return NoFix(held_up)
    if _awaited_in_other_branch(ctx, shape, coro):
        return NoFix("the other branch of the `if` awaits the same call: the two branches "
                     "differ on purpose (one waits, this one does not)")
    shown = ctx.module.code_for_node(coro).strip()
    if len(shown) > 40 or "\n" in shown:
        shown = (callee_text(coro.func) if isinstance(coro, cst.Call) else "the coroutine") + "(…)"

    def build(edits: Edits) -> None:
        edits.replace_small(shape.small, [cst.Expr(_awaited(site.node, coro, shape))])

    return Offer(KIND, False, f"await {shown} instead of spawning it", build,
                 removes_spawn=True)


def _awaited_in_other_branch(ctx: FixContext, shape: Shape, coro: cst.BaseExpression) -> bool:
    """The spawn sits in one branch of an `if` whose other branch awaits the same coroutine
    call (`if wait: await x() else: create_task(x())`): awaiting here would merge them."""
    wanted = "await" + "".join(ctx.module.code_for_node(coro).split())
    node: cst.CSTNode = shape.placement.line
    while True:
        parent = ctx.parent(node)
        if parent is None or isinstance(parent, (cst.FunctionDef, cst.Module)):
            return False
        if isinstance(parent, cst.If):
            others = [b for b in (parent.body, parent.orelse) if b is not None and b is not node]
            if any(wanted in "".join(ctx.module.code_for_node(b).split()) for b in others):
                return True
        node = parent


def _coroutine(call: cst.Call) -> cst.BaseExpression | None:
    args = list(call.args)
    if not args or args[0].keyword is not None or args[0].star:
        return None
    for extra in args[1:]:
        if extra.keyword is None or extra.keyword.value not in DROPPABLE_KEYWORDS:
            return None
    return args[0].value


def _callee_name(coro: cst.BaseExpression) -> str:
    func = coro.func if isinstance(coro, cst.Call) else coro
    if isinstance(func, cst.Attribute):
        return func.attr.value
    if isinstance(func, cst.Name):
        return func.value
    return ""


def _has_newline(node: cst.CSTNode) -> bool:
    return isinstance(node, cst.ParenthesizedWhitespace) or (
        isinstance(node, cst.Comma) and _has_newline(node.whitespace_after))


def _awaited(call: cst.Call, coro: cst.BaseExpression, shape: Shape) -> cst.Await:
    """`await coro`, keeping a multi-line call's layout (and comments) in parentheses."""
    first = call.args[0]
    closing: cst.BaseParenthesizableWhitespace = first.whitespace_after_arg
    if isinstance(first.comma, cst.Comma) and len(call.args) == 1:
        closing = first.comma.whitespace_after
    multiline = isinstance(call.whitespace_before_args, cst.ParenthesizedWhitespace) or \
        isinstance(closing, cst.ParenthesizedWhitespace)
    if multiline:
        coro = coro.with_changes(
            lpar=[cst.LeftParen(whitespace_after=call.whitespace_before_args), *coro.lpar],
            rpar=[*coro.rpar, cst.RightParen(whitespace_before=closing)])
    return cst.Await(expression=coro)
