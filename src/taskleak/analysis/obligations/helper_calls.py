"""Which calls run a spawner the run names: a configured one (`hass.async_create_task`), a
helper of another module of the project (the run's helper round), or a spawn helper method of
the project called on an instance of its class.

Configured spawners and helper functions match by what the callee resolves to
(`matches_extra`). A helper method called on an instance:

`self._client._tasks.create(coro)`, where the client's `_tasks` holds a `TaskManager` whose
`create` spawns the coroutine and returns its task: the call is a spawn, judged by what the
caller does with the task (or by what the helper promises, when it keeps and ends or drops the
task itself), as `self.create(coro)` is within the class (`local_helpers.py`).

Which class a receiver holds is not decided here: a chain of typed attributes may cross modules
(the connection's `_client` typed in one, the client's `_tasks` in another). So a call of a
method named like one of the project's helper methods (this module's, or another module's from
the run's helper round: `Spawner.on_instance`), its value not dropped (a dropped one is the
join's call-site row, `summaries/dropped_calls.py`), is a spawn only if the project join
resolves the call to a spawn helper (`QuestionKind.HELPER_METHOD`, `project/join.is_spawn`),
through annotations and constructors as it resolves any call (`ProjectIndex.resolve_callee`).
A receiver nothing types is no spawn: nothing is decided by a name. The same program split
into modules asks the same question, so its rows are the same.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.names.attribute_types import global_type, local_type
from taskleak.analysis.names.resolve import Resolver, Sym, SymKind, name_hint
from taskleak.analysis.obligations.local_helpers import LocalHelpers
from taskleak.analysis.obligations.spawners import Spawner, spawner_index
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import CallSite

# what a method's call on its own object names first: typed by its class, not by a declaration
_OWN = frozenset({"self", "cls"})


def matches_extra(func: cst.BaseExpression, resolved: Sym, receiver: Sym | None,
                  extra: tuple[Spawner, ...]) -> Spawner | None:
    """The configured spawner this callee is, by what it resolves to: the qualified name of an
    import (a relative one by its tail), the dotted text, a receiver named like the configured
    one (`self._hass` for `hass`), or an instance of the configured class."""
    text = dotted(func)
    qualified = resolved.name if resolved.kind is SymKind.QUALIFIED else ""
    # Each test below needs the spawner's last name to be the callee's (its attribute or name)
    # or the qualified name's: only those spawners are tried, in configuration order.
    methods = {qualified.rsplit(".", 1)[-1]} if qualified else set()
    if isinstance(func, cst.Attribute):
        methods.add(func.attr.value)
    elif isinstance(func, cst.Name):
        methods.add(func.value)
    for spawner in spawner_index(extra).named(methods):
        name = spawner.name
        if qualified and (qualified == name or (qualified.startswith(".") and (
                name == qualified.lstrip(".") or name.endswith("." + qualified.lstrip("."))))):
            return spawner
        if text is not None and (text == name or text.endswith("." + name)):
            return spawner
        if isinstance(func, cst.Attribute) and func.attr.value == spawner.method \
                and spawner.receiver and _same_receiver(func.value, receiver, spawner):
            return spawner
    return None


def _same_receiver(node: cst.BaseExpression, receiver: Sym | None, spawner: Spawner) -> bool:
    if spawner.on_instance:  # the project's own class: the join resolves the call
        return False  # (`helper_on_an_instance`; the module's first known binding is a guess)
    instance = receiver is not None and receiver.kind is SymKind.INSTANCE and bool(receiver.name)
    wanted = spawner.receiver.rsplit(".", 1)[-1].strip("_")
    hint = name_hint(node)
    if hint is not None and hint.strip("_").endswith(wanted):
        return True  # `self._hass`, `config_entry` for `entry`
    return instance and receiver is not None \
        and (receiver.name == spawner.receiver or receiver.name.endswith("." + wanted))


def helper_on_an_instance(site: CallSite, resolver: Resolver, extra: tuple[Spawner, ...],
                          local: LocalHelpers | None) -> tuple[str, Spawner, str, str] | None:
    """(name, spawner, call as written, the declared type of the local or parameter it is made
    through, or the class of the module global it is made on) when the call may run a helper
    method of the project (`Spawner.on_instance`: this module's, `local`, or another module's,
    `extra`): the method's name on a receiver that is a dotted chain (`self._tasks.create`,
    `conn.create`, `self.create` of a class derived from the helper's in another module), the
    task it gives not dropped. None otherwise."""
    func = site.func
    if not isinstance(func, cst.Attribute) or site.dest.kind is Flow.DISCARDED:
        return None  # (a call that drops what it returns is the join's call-site row)
    method = func.attr.value
    named = [(s.name, s) for s in spawner_index(extra).named((method,))]
    if local is not None:  # (by qualified name, as its module's calls of it are)
        named += local.helpers.items()
    found = next(((n, s) for n, s in named if s.on_instance and s.method == method), None)
    receiver = dotted(func.value)
    if found is None or receiver is None or (found[1].awaited and _await_dropped(site)):
        return None
    head = receiver.partition(".")[0]
    typed = "" if head in _OWN else \
        local_type(head, site.scope, resolver) or global_type(head, site.scope, resolver)
    return *found, f"{receiver}.{method}", typed


def _await_dropped(site: CallSite) -> bool:
    """The call is awaited in a statement of its own (`await conn.start()`): of a coroutine
    function whose await gives the task, the task is dropped there (`summaries/dropped_calls.py`);
    of a function that returns the task, the await ends it."""
    above = site.path
    return len(above) > 1 and isinstance(above[-1], cst.Await) \
        and above[-1].expression is site.node and isinstance(above[-2], cst.Expr)
