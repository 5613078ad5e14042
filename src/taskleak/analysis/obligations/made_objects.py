"""Whether the caller keeps the object a call makes: the object a constructor keeps a task in
holds the task only while someone holds the object.

`self._conversations[cid] = Conversation(cid, task)`, or `worker = Worker(task=t)` then
`self._workers[name] = worker`: the caller keeps it, so the task is held by the object's
attribute (`handoffs.receiving_parameter`, `received_field`; across modules `Question.kept`).
`return _Waiter(task)` (aiohttp's connector), `register(Handle(task))`, or a local only returned:
the object, and the task with it, is handed on, and the hand-off stays not followed.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.tree.scopes import Scope, ScopeKind
from taskleak.analysis.tree.walk import parents


def object_kept(call: cst.Call, scope: Scope,
                holder_for: Callable[[cst.BaseExpression, Scope], Holder | None],
                effects: Callable[[Holder], Effects]) -> bool:
    """The value of `call` (in `scope`) is stored where the caller keeps it: into an attribute,
    an item or a global, or into a local that is stored so (`holder_for`, `effects`: the
    module's ownership)."""
    parent = parents(scope.node).get(id(call))  # (asked for few calls: no map kept)
    if isinstance(parent, cst.Assign) and parent.value is call:
        targets = [t.target for t in parent.targets]
    elif isinstance(parent, cst.AnnAssign) and parent.value is call:
        targets = [parent.target]
    else:
        return False
    for target in targets:
        if isinstance(target, (cst.Attribute, cst.Subscript)):
            return True
        holder = holder_for(target, scope)
        if holder is None:
            continue
        if holder.kind is not Keeper.LOCAL:
            return True
        eff = effects(holder)
        if eff.collections or eff.key_collections or any(
                isinstance(t, (cst.Attribute, cst.Subscript)) or s.kind is ScopeKind.MODULE
                or (isinstance(t, cst.Name) and t.value in s.declared_global)
                for t, s in eff.stores):
            return True
    return False
