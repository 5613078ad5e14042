"""A Task handed to a function as an argument: which parameter of which function receives it.

The receiving parameter is then followed like any other holder (`Ownership.effects`): a
`self._kill(task)` whose `_kill` cancels its parameter ends the task; a `self._log(task)` that
only adds a done-callback does not. What the callee is called does not matter, only what its
body does. A callee this module does not define (an import, a method of another object) is
not followed: whoever reports the task says it was handed there and makes no claim about its
end. `partial(f, tasks)` hands `tasks` to `f`'s first parameter (`task.add_done_callback(
partial(drop_task, self._tasks))`, whose `drop_task` discards the task from it, prunes it).
"""

from __future__ import annotations

import builtins

import libcst as cst

from taskleak.analysis.facts.fates import Hand, Handoff
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.tree.dests import Dest
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import (
    BindingKind,
    Occurrence,
    Scope,
    ScopeKind,
    defined_function,
)


def receiving_parameter(call: cst.Call, arg: cst.Arg, scope: Scope) -> tuple[Scope, str] | None:
    """The function of this module `call` runs (from code in `scope`) and the name of its
    parameter that receives `arg`; None when either is not known."""
    bound = partial_call(call, arg, scope)
    if bound is not None:  # `partial(f, arg)`: `f(arg)` when it is called
        return receiving_parameter(bound, arg, scope)
    fn = defined_function(call.func, scope)
    if fn is None or fn.kind is not ScopeKind.FUNCTION or not isinstance(fn.node,
                                                                         cst.FunctionDef):
        return None
    params = fn.node.params
    if arg.star == "**":
        return None
    if arg.keyword is not None:
        name = arg.keyword.value
        named = (*params.params, *params.kwonly_params)
        return (fn, name) if any(p.name.value == name for p in named) else None
    index = 0
    for a in call.args:
        if a is arg:
            break
        if a.star:  # `f(*xs, task)`: which parameter it lands in is not known
            return None
        index += 1
    positional = [p.name.value for p in (*params.posonly_params, *params.params)]
    if fn.self_name is not None and isinstance(call.func, cst.Attribute):
        index += 1  # `self.m(task)`: the first parameter is `self`
    if arg.star:  # `f(*tasks)` into `def f(*tasks)`: the tuple holds the same tasks
        rest = params.star_arg
        return (fn, rest.name.value) if index >= len(positional) and isinstance(
            rest, cst.Param) else None
    return (fn, positional[index]) if index < len(positional) else None


def partial_call(call: cst.Call, arg: cst.Arg, scope: Scope) -> cst.Call | None:
    """`f(a, ...)` for `functools.partial(f, a, ...)` binding `arg` (a call node made for
    reading, not in the tree; its arguments are the tree's own), else None. The name must be
    functools' own, as imported where the call is (`from functools import partial`, `import
    functools`): a `partial` of the project's is not read as one."""
    if arg is (call.args[0] if call.args else None) or partial_function(call, scope) is call:
        return None
    return cst.Call(func=call.args[0].value, args=call.args[1:])


def partial_function(value: cst.BaseExpression, scope: Scope) -> cst.BaseExpression:
    """`f` of `functools.partial(f, ...)` (functools' own, as imported where it is written);
    `value` itself otherwise."""
    if isinstance(value, cst.Call) and _functools_partial(value.func, scope) and value.args \
            and not value.args[0].star and value.args[0].keyword is None:
        return value.args[0].value
    return value


def _functools_partial(func: cst.BaseExpression, scope: Scope) -> bool:
    if isinstance(func, cst.Name):
        name, wanted = func.value, "functools.partial"
    elif isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name) \
            and func.attr.value == "partial":
        name, wanted = func.value.value, "functools"
    else:
        return False
    s: Scope | None = scope
    while s is not None:  # the innermost scope binding the name decides
        bindings = s.bindings.get(name)
        if bindings:
            return all(b.kind is BindingKind.IMPORT and b.qualified == wanted for b in bindings)
        s = s.parent
    return False


def received_by(d: Dest, scope: Scope) -> str:
    """The function a call hands its argument to: `f` of `partial(f, tasks)`, else the
    callee."""
    inner = partial_call(d.call, d.arg, scope) if d.call is not None and d.arg is not None \
        else None
    return (dotted(inner.func) if inner is not None else None) or d.callee


def handed_calls(reads: list[Occurrence], resolver: Resolver) -> list[Handoff]:
    """"passed to cancel_tasks()": the calls a collection is handed to, but builtins
    (`len(self._tasks)`, `list(...)`, `print(...)`), which keep and end nothing. (An
    attribute's collection handed to such a call is that call's to end: the caller then says
    "not followed", or the join reads the callee; `close()` returning it hands it on too.)"""
    return [Handoff(Hand.PASSED, f"passed to {o.dest.callee}()") for o in reads
            if not to_a_builtin(o, resolver)]


def to_a_builtin(occ: Occurrence, resolver: Resolver) -> bool:
    """The read hands the value to a builtin (not a name the module binds)."""
    call = occ.dest.call
    return call is not None and isinstance(call.func, cst.Name) \
        and call.func.value in _BUILTIN_NAMES and not resolver.lookup(call.func.value, occ.scope)


_BUILTIN_NAMES = frozenset(dir(builtins))
