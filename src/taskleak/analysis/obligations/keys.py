"""What the target of a store says: the text of `d[key]`, whether the key is a fixed slot or
comes from the function's inputs (so it comes again), and what kind of thing holds a task."""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.names.attribute_types import single_class
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import BindingKind, Scope, ScopeKind


def target_text(target: cst.BaseExpression) -> str:
    if isinstance(target, cst.Subscript):
        inner = target.slice[0].slice if target.slice else None
        key = "…"
        if isinstance(inner, cst.Index):
            key = dotted(inner.value) or (
                inner.value.value if isinstance(inner.value, cst.SimpleString) else "…")
        return f"{dotted(target.value) or '…'}[{key}]"
    return dotted(target) or "…"


def constant_key(target: cst.Subscript) -> bool:
    """`d["stop"]`, `hass.data[KEY_STOP]`: a fixed slot, not one entry per client."""
    if len(target.slice) != 1 or not isinstance(target.slice[0].slice, cst.Index):
        return False
    value = target.slice[0].slice.value
    if isinstance(value, (cst.SimpleString, cst.Integer)):
        return True
    name = dotted(value)
    return name is not None and name.rsplit(".", 1)[-1].isupper()


def per_client_key(target: cst.BaseExpression | None, fn: Scope | None) -> bool:
    """`d[client_uid]` where the key comes from the function's inputs, so the same key comes
    again on the next call: a parameter, an attribute or item of one (`msg.user`,
    `msg["uid"]`), or a local assigned once from one (`uid = msg.client_id`); never the target
    of a loop (a new key each iteration)."""
    return bool(key_parameter(target, fn))


def key_parameter(target: cst.BaseExpression | None, fn: Scope | None) -> str:
    """The parameter of `fn` the key of `d[...]` comes from (`per_client_key`), "" when none."""
    if fn is None or not isinstance(target, cst.Subscript) or len(target.slice) != 1:
        return ""
    index = target.slice[0].slice
    if not isinstance(index, cst.Index):
        return ""
    value = index.value
    while isinstance(value, cst.Subscript):
        value = value.value
    name = dotted(value)
    if name is None:
        return ""
    root = name.split(".", 1)[0]
    bindings = fn.bindings.get(root, [])
    if any(b.kind is BindingKind.PARAM for b in bindings):
        return root
    if len(bindings) != 1 or bindings[0].kind is not BindingKind.ASSIGN \
            or bindings[0].value is None:
        return ""
    source = bindings[0].value
    while isinstance(source, (cst.Subscript, cst.Attribute)):
        source = source.value
    return source.value if isinstance(source, cst.Name) and any(
        b.kind is BindingKind.PARAM for b in fn.bindings.get(source.value, [])) else ""


def keeper_of(holder: Holder | None, scope: Scope | None = None
              ) -> tuple[Keeper | None, str, str]:
    """(what keeps the task, its owner, the attribute or parameter name). The owner of a
    dotted holder (`result.task`) is the class its object is constructed from, as written, when
    `scope` binds the object once from a call of a name (`result = RunResult(...)`): the join
    asks that class's module what ends the attribute."""
    if holder is None:
        return None, "", ""
    if holder.kind is Keeper.LOCAL:
        if any(b.kind is BindingKind.PARAM for b in holder.scope.bindings.get(holder.key, [])):
            return Keeper.PARAMETER, holder.scope.qualname, holder.key
        return Keeper.LOCAL, "", ""
    if holder.kind is Keeper.ATTRIBUTE:
        lent = lent_to_the_constructor(holder)
        if lent is not None:  # the caller's collection (`received_collections.answer_parameter`)
            return Keeper.PARAMETER, *lent
        return Keeper.ATTRIBUTE, holder.scope.qualname, holder.name
    if holder.kind is Keeper.GLOBAL:
        return Keeper.GLOBAL, "", holder.name
    return Keeper.DOTTED, constructed_from(holder, scope), holder.key.rsplit(".", 1)[-1]


def lent_to_the_constructor(holder: Holder) -> tuple[str, str] | None:
    """(`__init__`'s qualified name, the parameter) when the attribute's one binding in its class
    is a parameter of its `__init__` (`self.closing_tasks = closing_tasks`): the object it holds
    is the constructor's caller's, which ends (or prunes) what is put in it, as a collection
    passed to a function is; None otherwise (bound anywhere else too, or not known)."""
    cls = holder.scope
    bindings = cls.attr_bindings.get(holder.name, [])
    if cls.kind is not ScopeKind.CLASS or holder.name in cls.attr_unknown or len(bindings) != 1:
        return None
    value, method = bindings[0]
    if method.name != "__init__" or not isinstance(value, cst.Name) or not any(
            b.kind is BindingKind.PARAM and not b.first_param
            for b in method.bindings.get(value.value, [])):
        return None
    return method.qualname, value.value


def _attribute_constructed_from(base: str, attr: str, scope: Scope) -> str:
    """`Receiver` for `self.current.future` when every value the class stores in
    `self.current` is a call of that one name (`self.current = Receiver()`); "" otherwise."""
    method = scope.method()
    cls = scope.enclosing_class()
    name, _, rest = attr.partition(".")
    if method is None or cls is None or method.self_name != base or "." in rest:
        return ""
    values = [v for v, _ in cls.attr_bindings.get(name, [])]
    made = {dotted(v.func) if isinstance(v, cst.Call) else None for v in values}
    return made.pop() or "" if len(made) == 1 else ""


def constructed_from(holder: Holder, scope: Scope | None) -> str:
    """`RunResult` for the holder `result.task` when `result` is bound once, in `scope` or a
    function around it (a closure's variable), from `RunResult(...)` or declared as one
    (`result: RunResult`, `RunResult | None`); `Receiver` for `self.current.future` when the
    class stores only `Receiver(...)` there; "" when that is not known (then the join matches
    the attribute by its name)."""
    base, _, attr = holder.key.partition(".")
    if scope is None or not attr:
        return ""
    if "." in attr:
        return _attribute_constructed_from(base, attr, scope)
    while base not in scope.bindings and scope.parent is not None \
            and scope.parent.kind is ScopeKind.FUNCTION:
        scope = scope.parent
    bindings = scope.bindings.get(base, [])
    if len(bindings) != 1:
        return ""
    declared = bindings[0].declared_type
    if declared is not None:
        return single_class(declared)
    if bindings[0].kind is not BindingKind.ASSIGN or not isinstance(bindings[0].value, cst.Call):
        return ""
    return dotted(bindings[0].value.func) or ""


_FRESH = frozenset({BindingKind.ASSIGN, BindingKind.FOR, BindingKind.WITH, BindingKind.OTHER})


def on_a_local_object(holder: Holder, scope: Scope) -> bool:
    """`receiver.future = spawn(...)` where `receiver` is a local the function binds (from a
    call, a loop, an unpacking): maybe another object each time, so the store is not known to
    replace the task an earlier call stored. The same when the class keeps that local's object
    too (`source = _Source(...)`; `self._source = source`; `source.writer = spawn(...)`): the
    store is into the object this call made, whatever holds it after."""
    if holder.kind is not Keeper.DOTTED:
        return False
    base = holder.written_on or holder.key.split(".", 1)[0]
    bindings = scope.bindings.get(base, [])
    return bool(bindings) and base not in scope.declared_global \
        and base not in scope.declared_nonlocal and all(b.kind in _FRESH for b in bindings)
