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
from taskleak.analysis.names.class_bases import module_bases
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.tree.dests import Dest
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import (
    BindingKind,
    Occurrence,
    Scope,
    ScopeKind,
    defined_class,
    defined_function,
)
from taskleak.analysis.tree.vocabulary import CLASS_VARIABLES, INIT_GENERATORS


def receiving_parameter(call: cst.Call, arg: cst.Arg, scope: Scope) -> tuple[Scope, str] | None:
    """The function of this module `call` runs (from code in `scope`), a class's `__init__`
    when it makes an object, and the name of its parameter that receives `arg`; None when
    either is not known."""
    bound = partial_call(call, arg, scope)
    if bound is not None:  # `partial(f, arg)`: `f(arg)` when it is called
        return receiving_parameter(bound, arg, scope)
    fn = defined_function(call.func, scope)
    made = fn is None and (fn := _constructor(call.func, scope)) is not None
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
    if fn.self_name is not None and (made or isinstance(call.func, cst.Attribute)):
        index += 1  # `self.m(task)`, `Handle(task)`: the first parameter is `self`
    if arg.star:  # `f(*tasks)` into `def f(*tasks)`: the tuple holds the same tasks
        rest = params.star_arg
        return (fn, rest.name.value) if index >= len(positional) and isinstance(
            rest, cst.Param) else None
    return (fn, positional[index]) if index < len(positional) else None


def _constructor(func: cst.BaseExpression, scope: Scope) -> Scope | None:
    """The `__init__` an object of a class this module defines runs: its own, or that of the
    one base it has, in this module, in turn; None when another module's base or a generated
    one may give it (`project/constructed_holders.py` follows those)."""
    cls = defined_class(func, scope)
    module = scope.module()
    while cls is not None and isinstance(cls.node, cst.ClassDef):
        init = own_init(cls)
        if init is not None:
            return init
        bases = module_bases(cls, module)
        if len(cls.node.bases) != 1 or not bases:
            return None
        cls = bases[0]
    return None


def own_init(cls: Scope) -> Scope | None:
    """The class's own `__init__` (a method), if it defines one."""
    return next((c for c in cls.children if c.kind is ScopeKind.FUNCTION
                 and c.name == "__init__" and c.self_name), None)


def received_field(call: cst.Call, arg: cst.Arg, scope: Scope, resolver: Resolver
                   ) -> tuple[Scope, str] | None:
    """The class of this module `call` makes an object of through an `__init__` a decorator
    generates (`@dataclass`), and the field that keeps what `arg` gives (`Handle(task=t)`, or
    by its place among the fields of a class with no base); None when either is not known."""
    cls = defined_class(call.func, scope)
    fields = generated_fields(cls, resolver) if cls is not None and not arg.star else None
    if cls is None or fields is None:
        return None
    if arg.keyword is not None:
        return (cls, arg.keyword.value) if arg.keyword.value in fields else None
    index = next(i for i, a in enumerate(call.args) if a is arg)
    if has_bases(cls) or any(a.star or a.keyword is not None for a in call.args[:index]):
        return None  # (a base's fields come first)
    return (cls, fields[index]) if index < len(fields) else None


def generated_fields(cls: Scope, resolver: Resolver) -> list[str] | None:
    """The fields, in order, that the `__init__` a decorator generates for class `cls`
    (`@dataclasses.dataclass`) stores from its parameters; None when no such `__init__` runs
    (the class defines its own, or no decorator generates one)."""
    node = cls.node
    if not isinstance(node, cst.ClassDef) or cls.parent is None or own_init(cls) is not None \
            or not any(_generates_init(d.decorator, cls.parent, resolver)
                       for d in node.decorators):
        return None
    return [s.target.value for line in node.body.body
            if isinstance(line, cst.SimpleStatementLine) for s in line.body
            if isinstance(s, cst.AnnAssign) and isinstance(s.target, cst.Name)
            and not _class_variable(s.annotation.annotation, cls.parent, resolver)]


def _class_variable(annotation: cst.BaseExpression, scope: Scope, resolver: Resolver) -> bool:
    """`ClassVar[int]` (resolved: `typing.ClassVar`): a class's variable, no field."""
    head = annotation.value if isinstance(annotation, cst.Subscript) else annotation
    return resolver.resolve(head, scope).name in CLASS_VARIABLES


def has_bases(cls: Scope) -> bool:
    """The class names a base (whose fields a generated `__init__` takes first)."""
    return isinstance(cls.node, cst.ClassDef) and bool(cls.node.bases)


def _generates_init(decorator: cst.BaseExpression, scope: Scope, resolver: Resolver) -> bool:
    func = decorator.func if isinstance(decorator, cst.Call) else decorator
    off = isinstance(decorator, cst.Call) and any(
        a.keyword is not None and a.keyword.value == "init"
        and not (isinstance(a.value, cst.Name) and a.value.value == "True")
        for a in decorator.args)
    return not off and resolver.resolve(func, scope).name in INIT_GENERATORS


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
