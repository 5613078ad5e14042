"""An end reached only to replace the task, once other modules are read (RUBRIC convention 5).

The spawn's module found that every end of the attribute is reached only on the way to storing
the next task there (`obligations/replace_only_ends.py`: `Fate.enders`, `Fate.replaced_only`),
reading its class whole (its bases merged in by the inheritance round). What it cannot see is
code of other modules calling one of those methods (`client._updater_cancel()`): such a call
may be the object's way out. With none, and the task's ends known (KEPT_CLEANED: a hand-off to
`cancel_task(...)` of another module is answered first), nothing ends the last task stored:
END_NOT_REACHED (medium), said with the methods. Otherwise the fate stays as it was.
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.analysis.facts.module import Question
from taskleak.project.index import ProjectIndex, Where
from taskleak.project.lineage import ancestors, defining


def ended_only_to_replace(index: ProjectIndex, path: str, fate: Fate, question: Question
                          ) -> Fate:
    """`fate` (read in module `path`) of a task kept in `self.<question.name>` by objects of
    `question.owner`, ended there only to be replaced: END_NOT_REACHED when no code outside
    the class calls those ends and they are ends (KEPT_CLEANED); else as it was, without the
    claim."""
    if not fate.replaced_only:
        return fate
    owner: Where = (path, question.owner)
    lineage = ancestors(index, owner, itself=True)
    if fate.kind is not FateKind.KEPT_CLEANED or not lineage \
            or any(_called_from_outside(index, lineage, name) for name in fate.enders.split(",")):
        return replace(fate, enders="", replaced_only="")
    return replace(fate, kind=FateKind.END_NOT_REACHED, enders="")


def _called_from_outside(index: ProjectIndex, lineage: list[Where], name: str) -> bool:
    """Code other than the methods of `lineage` calls the method `name` an object of
    `lineage[0]` runs, or a function of that name it cannot resolve (an untyped receiver may be
    such an object: no claim then)."""
    where = defining(index, lineage, name)
    target = (where[0], f"{where[1]}.{name}") if where is not None else None
    for other, call in index.dropped.get(name, []):
        if (other, call.caller.rpartition(".")[0]) in lineage:
            continue  # (the class's own calls: its module read them)
        found = index.resolve_callee(other, call.callee, call.caller, call.receiver)
        if found is None or found == target:
            return True
    return False
