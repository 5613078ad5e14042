"""A task handed to a function of another module: the question the project join answers.

`utils.cancel_and_drain(self._task)`, `log_errors(task)` with `log_errors` imported: this module
cannot read the callee, so its fate says the task was "passed to ...(): not followed". It asks
the join what the callee does with the parameter that receives it (`HANDED_TO`, answered from
the callee's module's `ParamUse`), and gives the join the fates the spawn has when the callee
ends nothing (`SpawnFacts.otherwise`, classified again as if each such call were followed and
ended nothing: `Ownership.assuming`). The join picks: ended there, dropped or kept-never-ended
here, or, when any callee is not found, not followed as before.

Only calls that can be in the project are asked about: through `self`/`cls` (a method of a
base class or a typed attribute elsewhere) or an imported name outside the standard library,
with the task as an argument, a starred one (`cancel_all(*self._tasks)`) or a keyword one
(`cancel(log, reader=self._reader)`). One hand-off that cannot be asked about leaves the spawn
as it is.
"""

from __future__ import annotations

import sys

import libcst as cst

from taskleak.analysis.classify import Classifier
from taskleak.analysis.facts.fates import Fate
from taskleak.analysis.facts.module import Question, QuestionKind
from taskleak.analysis.names.resolve import SymKind
from taskleak.analysis.obligations.handoffs import (
    partial_call,
    received_field,
    receiving_parameter,
)
from taskleak.analysis.obligations.made_objects import object_kept
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.dests import Dest
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import Scope, defined_class


def classified(classifier: Classifier, sp: Spawn
               ) -> tuple[tuple[Fate, ...], tuple[Question, ...], tuple[Fate, ...]]:
    """The spawn's fates, its questions about hand-offs to other modules, and its fates when
    every one of those ends nothing (empty when they are the same)."""
    classifier.handed = []
    fates = tuple(classifier.fates(sp))
    asked = handoff_questions(classifier.handed, classifier.ownership)
    if not asked:
        return fates, (), ()
    with classifier.ownership.assuming(frozenset(id(d.call) for d, _ in classifier.handed)):
        otherwise = tuple(classifier.fates(sp))
    return fates, asked, otherwise if otherwise != fates else ()


def handoff_questions(reads: list[tuple[Dest, Scope]], ownership: Ownership
                      ) -> tuple[Question, ...]:
    """One question per call of another module's function that the task is handed to; none
    when any of `reads` (the hand-offs the module could not follow) cannot be asked about."""
    out: list[Question] = []
    for dest, scope in reads:
        question = _question(dest, scope, ownership)
        if question is None:
            return ()
        out.append(question)
    return tuple(dict.fromkeys(out))


def _question(d: Dest, scope: Scope, ownership: Ownership) -> Question | None:
    if d.call is None or d.arg is None or d.arg.star == "**":
        return None
    if receiving_parameter(d.call, d.arg, scope) is not None:
        return None  # this module's own function, beyond the depth it follows
    call = partial_call(d.call, d.arg, scope) or d.call  # `partial(f, tasks)`: `f(tasks)`, later
    keyword = d.arg.keyword.value if d.arg.keyword is not None else ""
    position = -1 if keyword else 0
    for arg in call.args if not keyword else ():
        if arg is d.arg:
            break
        if arg.star or arg.keyword is not None:
            return None
        position += 1
    callee = dotted(call.func)
    if callee is None:
        return None
    head = callee.partition(".")[0]
    if head not in ("self", "cls"):
        resolver = ownership.resolver
        sym = resolver.resolve(cst.Name(head), scope)
        # (a class of this module whose constructor another module's base gives it)
        inherits = sym.kind is SymKind.LOCAL and defined_class(call.func, scope) is not None \
            and received_field(call, d.arg, scope, resolver) is None
        if not inherits and (sym.kind is not SymKind.QUALIFIED
                             or sym.name.partition(".")[0] in sys.stdlib_module_names):
            return None
    caller = (scope.function() or scope).qualname or "<module>"
    kept = object_kept(d.call, scope, ownership.holder_for, ownership.effects)
    return Question(QuestionKind.HANDED_TO, callee, caller, position, bool(d.arg.star), keyword,
                    kept)
