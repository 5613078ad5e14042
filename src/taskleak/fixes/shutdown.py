"""Ending what runs forever: a coroutine with a `while True` loop kept in a tracked set must also
be cancelled on shutdown, or the fix would only hide it (the set keeps it alive, nothing ends it).

An instance set is cancelled in the class's close-like method (`sets`); a module-level set in
the module's shutdown hook, when the module has one:
- a function registered as an aiohttp shutdown or cleanup signal (`app.on_shutdown.append(f)`,
  `app.on_cleanup.append(f)`);
- else a module-level function named like the end of a lifecycle (`shutdown`, `close`, `stop`,
  `cleanup` ...) that takes no arguments: one with a required parameter (`disconnect(uid)`)
  ends one client, not the module, and cancelling every task of the module there would be wrong.
`atexit` hooks are not used: they run after the event loop is closed.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.scopes import defined_function
from taskleak.analysis.spawns import Spawn
from taskleak.analysis.vocabulary import ends_lifecycle
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Edits
from taskleak.fixes.naming import fresh_name
from taskleak.fixes.sets import SNAPSHOT, Group, cancel_all

SIGNALS = frozenset({"on_shutdown", "on_cleanup"})  # aiohttp's Application signals


def runs_forever(ctx: FixContext, sp: Spawn) -> bool:
    """The spawned coroutine is a function of this module with a `while True`-like loop."""
    if any(f.long_running for f in ctx.fates(sp)):
        return True
    args = sp.site.node.args
    coro = args[0].value if args else None
    if not isinstance(coro, cst.Call):
        return False
    target = defined_function(coro.func, sp.site.scope)
    return target is not None and target.long_running


def _functions(module: cst.Module) -> dict[str, cst.FunctionDef]:
    return {s.name.value: s for s in module.body
            if isinstance(s, cst.FunctionDef) and isinstance(s.body, cst.IndentedBlock)}


class _Signals(cst.CSTVisitor):
    """`X.on_shutdown.append(f)`: the names registered as shutdown signals."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value == "append" \
                and isinstance(func.value, cst.Attribute) and func.value.attr.value in SIGNALS \
                and len(node.args) == 1 and isinstance(node.args[0].value, cst.Name):
            self.names.append(node.args[0].value.value)


def _takes_no_arguments(fn: cst.FunctionDef) -> bool:
    params = fn.params
    required = [p for p in (*params.posonly_params, *params.params) if p.default is None]
    required += [p for p in params.kwonly_params if p.default is None]
    return not required


def module_shutdown(ctx: FixContext) -> cst.FunctionDef | None:
    """The module's shutdown hook (see the module docstring), or None."""
    functions = _functions(ctx.module)
    visitor = _Signals()
    ctx.module.visit(visitor)
    for name in visitor.names:
        if name in functions:
            return functions[name]
    hooks = [fn for name, fn in functions.items()
             if ends_lifecycle(name) and not name.startswith("__") and _takes_no_arguments(fn)]
    hooks.sort(key=lambda fn: fn.asynchronous is None)  # async ones first
    return hooks[0] if hooks else None


def cancel_in_hook(edits: Edits, ctx: FixContext, hook: cst.FunctionDef, set_name: str,
                   group: Group) -> None:
    """Cancel every task of the module set `set_name` at the top of `hook` (once)."""
    key = f"module-shutdown:{set_name}"
    code = ctx.module.code_for_node(hook)
    if edits.shared.get(key) or f"in {SNAPSHOT}({set_name}):" in code \
            or f"in {set_name}:" in code:
        return
    edits.shared[key] = True
    var = fresh_name(ctx.names_in(hook) | {set_name},
                     "future" if group is Group.FUTURES else "task")
    edits.prefix_body(hook, edits.statements(cancel_all(var, set_name), at=hook, inside=True))
