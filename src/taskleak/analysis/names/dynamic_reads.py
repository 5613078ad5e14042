"""An attribute perhaps ended through `getattr(self, name)`, `name` computed at run time.

`getattr(self, "_task")`, and `getattr(self, name)` in `for name in ("_timeout_task",
"_command_task")`, are reads of those attributes the scan records itself (`tree/getattr_reads.
py`): their ends are ends like any other. With a name computed at run time the read
is not followed: it may be any attribute, so no method can be said to leave the task running
(the evidence rule: say so, do not flag). Read from the class's nodes only when a kept task
would otherwise be called never ended: rare, so no scan fact.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.getattr_reads import literal_strings
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import Scope, ScopeKind
from taskleak.analysis.tree.walk import descendants, parents

_ENDS = frozenset({"cancel"})


def ended_through_getattr(attribute: str, cls: Scope) -> str:
    """"cancelled in cancel_goto() (read with getattr(self, task_name))" when a method of `cls`
    ends `attribute` through `getattr`, "perhaps cancelled in reset() (read with getattr(self,
    name), a name computed at run time)" when it ends what a name not known here reads; else
    ""."""
    unknown = ""
    for method in cls.children:
        if method.kind is not ScopeKind.FUNCTION or not method.self_name \
                or not isinstance(method.node, cst.FunctionDef):
            continue
        nodes = list(descendants(method.node))
        up: dict[int, cst.CSTNode] | None = None
        for node in nodes:
            if not _getattr_of_self(node, method.self_name):
                continue
            assert isinstance(node, cst.Call)
            up = up if up is not None else parents(method.node)
            if not _ended(node, up, nodes):
                continue
            shown = f"getattr(self, {_code(node.args[1].value)})"
            names = _names(node.args[1].value, nodes)
            if names is None:
                unknown = unknown or (f"perhaps cancelled in {method.name}() (read with {shown}, "
                                      "a name computed at run time)")
            elif attribute in names:
                return f"cancelled in {method.name}() (read with {shown})"
    return unknown


def _getattr_of_self(node: cst.CSTNode, self_name: str) -> bool:
    return isinstance(node, cst.Call) and isinstance(node.func, cst.Name) \
        and node.func.value == "getattr" and len(node.args) >= 2 \
        and dotted(node.args[0].value) == self_name


def _ended(call: cst.Call, up: dict[int, cst.CSTNode], nodes: list[cst.CSTNode]) -> bool:
    """What `call` gives is cancelled: `getattr(...).cancel()`, or through the local it is bound
    to (`task := getattr(...)`, `task = getattr(...)`, `task: T = getattr(...)`) anywhere in the
    method."""
    parent = up.get(id(call))
    if isinstance(parent, cst.Attribute) and parent.attr.value in _ENDS:
        return True
    local = ""
    if isinstance(parent, cst.NamedExpr) and isinstance(parent.target, cst.Name):
        local = parent.target.value
    elif isinstance(parent, cst.Assign) and len(parent.targets) == 1 \
            and isinstance(parent.targets[0].target, cst.Name):
        local = parent.targets[0].target.value
    elif isinstance(parent, cst.AnnAssign) and isinstance(parent.target, cst.Name):
        local = parent.target.value
    return bool(local) and any(
        isinstance(n, cst.Call) and isinstance(n.func, cst.Attribute)
        and n.func.attr.value in _ENDS and dotted(n.func.value) == local for n in nodes)


def _names(arg: cst.BaseExpression, nodes: list[cst.CSTNode]) -> set[str] | None:
    """The attribute names `arg` can be when the scan reads them (a string, or a loop variable
    over literal strings: `getattr_reads`); None when it is computed at run time."""
    if isinstance(arg, cst.SimpleString):
        value = arg.evaluated_value
        return {value} if isinstance(value, str) else None
    if not isinstance(arg, cst.Name):
        return None
    for node in nodes:
        if isinstance(node, cst.For) and isinstance(node.target, cst.Name) \
                and node.target.value == arg.value \
                and (texts := literal_strings(node.iter)) is not None:
            return set(texts)
    return None


def _code(node: cst.BaseExpression) -> str:
    return dotted(node) or (node.value if isinstance(node, cst.SimpleString) else "...")
