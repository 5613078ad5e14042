"""Task-group fix (unsafe) for dropped tasks spawned inside a task group's `async with`: move
the spawn into the group, which then owns the task.

    async with asyncio.TaskGroup() as tg:          async with asyncio.TaskGroup() as tg:
        asyncio.create_task(work(item))      ->        tg.create_task(work(item))

For an anyio task group the coroutine function and its arguments go to `start_soon`
(`tg.start_soon(work, item)`), when the spawn's value is not used (`start_soon` returns None)
and the coroutine is called with positional arguments only.

Unsafe: the block now waits for the task before it exits, and the task's failure cancels the
group's other tasks and propagates. Not offered for a coroutine that runs forever (the block
would never exit), nor from a lambda or a nested function (it may run after the group closed).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.names.resolve import SymKind
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.scopes import defined_function
from taskleak.analysis.tree.vocabulary import TASKGROUP_FACTORIES
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Edits
from taskleak.fixes.plan import NoFix, Offer
from taskleak.fixes.shapes import Form, spawn_shape
from taskleak.rules import FixKind, Verdict

KIND = FixKind.TASK_GROUP
MOVABLE = frozenset({"asyncio.create_task", "loop.create_task", "asyncio.ensure_future",
                     "loop.ensure_future"})
ANYIO = "anyio.create_task_group"
DROPPED_KEYWORDS = frozenset({"loop"})  # create_task's other keywords (name, context) stay


def enclosing_group(ctx: FixContext, sp: Spawn) -> tuple[str, str] | None:
    """(the group's name, its factory) of the innermost `async with <task group> as name:`
    whose body holds the spawn, in the same function."""
    node: cst.CSTNode = sp.site.node
    parent = ctx.parent(node)
    while parent is not None and not isinstance(parent, (cst.Lambda, cst.FunctionDef,
                                                         cst.ClassDef, cst.Module)):
        if isinstance(parent, cst.With) and parent.asynchronous is not None \
                and node is parent.body:
            for item in reversed(parent.items):
                call, target = item.item, item.asname
                if isinstance(call, cst.Call) and target is not None \
                        and isinstance(target.name, cst.Name):
                    sym = ctx.resolver.resolve(call.func, sp.site.scope)
                    if sym.kind is SymKind.QUALIFIED and sym.name in TASKGROUP_FACTORIES \
                            and TASKGROUP_FACTORIES[sym.name] == "taskgroup":
                        return target.name.value, sym.name
        node, parent = parent, ctx.parent(parent)
    return None


def offer(ctx: FixContext, sp: Spawn, verdict: Verdict) -> Offer | NoFix:
    found = enclosing_group(ctx, sp)
    if found is None:
        return NoFix("not spawned inside a task group's `async with` block")
    group, factory = found
    if sp.spawner not in MOVABLE:
        return NoFix(f"only asyncio's spawners move into a task group, not {sp.spawner}")
    if runs_forever(ctx, sp):
        return NoFix("the coroutine runs forever: the task group's block would never exit")
    call = sp.site.node
    args = list(call.args)
    if not args or args[0].keyword is not None or args[0].star \
            or not isinstance(args[0].value, cst.Call):
        return NoFix("the spawn's first argument is not a coroutine call")
    new = _anyio_call(ctx, call, group) if factory == ANYIO else _asyncio_call(call, group)
    if isinstance(new, NoFix):
        return new
    new_code = ctx.module.code_for_node(new)

    def build(edits: Edits) -> None:
        edits.rewrite_call(call, lambda _: new)

    return Offer(KIND, False, f"move the spawn into the task group {group}", build,
                 new_call=new_code)


def _asyncio_call(call: cst.Call, group: str) -> cst.Call:
    """`group.create_task(coro, name=...)`."""
    args = [a for a in call.args if a.keyword is None or a.keyword.value not in DROPPED_KEYWORDS]
    if args:
        args[-1] = args[-1].with_changes(comma=call.args[-1].comma)
    func = cst.Attribute(value=cst.Name(group), attr=cst.Name("create_task"))
    return call.with_changes(func=func, args=args)


def _anyio_call(ctx: FixContext, call: cst.Call, group: str) -> cst.Call | NoFix:
    """`group.start_soon(func, *args, name=...)` for a statement of its own."""
    shape = spawn_shape(ctx, call)
    if isinstance(shape, NoFix) or shape.form is not Form.EXPR:
        return NoFix("anyio's start_soon returns nothing: the spawn's value is used")
    coro = call.args[0].value
    assert isinstance(coro, cst.Call)
    if any(a.keyword is not None or a.star == "**" for a in coro.args):
        return NoFix("the coroutine takes keyword arguments, which start_soon cannot pass")
    name = [a for a in call.args[1:] if a.keyword is not None and a.keyword.value == "name"]
    args = [cst.Arg(coro.func), *coro.args, *name]
    args = [a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in args]
    func = cst.Attribute(value=cst.Name(group), attr=cst.Name("start_soon"))
    return cst.Call(func=func, args=args)


def runs_forever(ctx: FixContext, sp: Spawn) -> bool:
    """The spawned coroutine is a function of this module with a `while True`-like loop: in
    the group, its block would never exit."""
    if any(f.long_running for f in ctx.fates(sp)):
        return True
    args = sp.site.node.args
    coro = args[0].value if args else None
    if not isinstance(coro, cst.Call):
        return False
    target = defined_function(coro.func, sp.site.scope)
    return target is not None and target.long_running
