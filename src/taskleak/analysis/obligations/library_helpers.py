"""Spawn helpers of libraries, read from their source (`tree/library_facts.py`), at their calls.

pipecat's `BaseObject.create_task(coroutine)` spawns the coroutine, keeps the task until it is
done (its task manager's done-callback forgets it), logs its error and returns it. So
`self.create_task(self._pump())` in a method of a class derived from a pipecat class is a spawn
of that helper (a `helper` row, RUBRIC convention 1): a caller that drops the task loses
nothing while it finishes by itself, and one that holds it answers for its end
(`forgetting_helpers.py`), as with any helper that only forgets what is done.

The call is the library's when the method resolves to it: called on the method's own `self`,
in a class that neither defines the method nor has a base of its module that does. When the
bases the module imports (those of the class and of its bases in the module) are pipecat's,
or `typing`'s and `abc`'s beside them, the module decides. When any other is imported (a base
of another module of the project, which may derive from pipecat; another library's, which may
define its own `create_task`), or none is and a subclass elsewhere may bring pipecat to a
mixin, the project join decides (`QuestionKind.HELPER_METHOD`, `project/library_classes.py`),
so a class moved to another module changes no row. `self.cancel_task(task)` is an end only
where the module decides; elsewhere the join answers the hand-off the same way.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.interface import LET_GO, Promise
from taskleak.analysis.names.class_bases import class_and_bases, imported_bases
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.spawners import Spawner
from taskleak.analysis.tree.library_facts import (
    PIPECAT_END_METHOD,
    PIPECAT_KEEPS,
    PIPECAT_PACKAGE,
    PIPECAT_SPAWN_METHOD,
    PIPECAT_SPAWNER,
)
from taskleak.analysis.tree.scopes import BindingKind, CallSite, Scope

# bases that bring no methods of their own to a pipecat class (`Generic[T]`, `ABC`)
_NO_METHODS = frozenset({"typing", "abc", "typing_extensions"})

PIPECAT_HELPER = Spawner(PIPECAT_SPAWNER, Promise.KEEPS_AND_CLEANS, 0, PIPECAT_KEEPS,
                         ends=LET_GO)
# What `_pipecat_method` finds: the library's, not it, or a base of another module may say
_ASK = "ask"


def library_spawner(site: CallSite, resolver: Resolver) -> tuple[Spawner, str] | None:
    """The library helper this call runs (pipecat's `BaseObject.create_task`), and the call as
    written when only the project join can tell (a base of another module may derive from a
    pipecat class: `QuestionKind.HELPER_METHOD`), "" when the module tells; None when not."""
    found = _pipecat_method(site.func, site.scope, resolver, PIPECAT_SPAWN_METHOD)
    if found is None:
        return None
    return PIPECAT_HELPER, f"self.{PIPECAT_SPAWN_METHOD}" if found == _ASK else ""


def ended_by_library(call: cst.Call, arg: cst.Arg, scope: Scope, resolver: Resolver) -> bool:
    """The call hands the task (`arg`) to a library method that cancels it and waits for it:
    `await self.cancel_task(self._task)` of a pipecat processor (`BaseObject.cancel_task`)."""
    given = [a for a in call.args if a.keyword is None and not a.star]
    first = given[0] if given else next(
        (a for a in call.args if a.keyword is not None and a.keyword.value == "task"), None)
    return first is arg \
        and _pipecat_method(call.func, scope, resolver, PIPECAT_END_METHOD) == PIPECAT_PACKAGE


def _pipecat_method(func: cst.BaseExpression, scope: Scope, resolver: Resolver,
                    name: str) -> str | None:
    """Whether `func` is `self.name` in a method of a class derived from a pipecat class,
    which neither it nor a base of its module defines again: PIPECAT_PACKAGE when the bases
    its module imports say so, `_ASK` when a base of another module may, None when not."""
    if not isinstance(func, cst.Attribute) or func.attr.value != name \
            or not isinstance(func.value, cst.Name):
        return None
    method = scope.method()
    cls = scope.enclosing_class()
    if method is None or cls is None or method.self_name != func.value.value:
        return None
    for c in class_and_bases(cls):
        if any(b.kind is BindingKind.DEF for b in c.bindings.get(name, ())):
            return None  # the project's own method
    packages = {qualified.partition(".")[0]
                for qualified in imported_bases(scope, cls.module(), resolver)} - _NO_METHODS
    if packages == {PIPECAT_PACKAGE}:
        return PIPECAT_PACKAGE
    # (a relative import, or an absolute one of the project's own package, or none but a
    # mixin's subclass may bring it: only the join knows which are the project's classes)
    return _ASK
