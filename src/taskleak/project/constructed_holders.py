"""A task handed to the constructor of a class another module defines: held by the new object.

The module that spawns it sees a hand-off to `Handle(name, task)` it cannot follow (the one
`QuestionKind.HANDED_TO` of the spawn); the class's module says which attribute its constructor
keeps that argument in (`ClassFacts.holds`: `self.task = task`, a dataclass's field). The task
is then judged as one kept in that attribute of an object of the class, whose ends are read from
the modules as for a task stored there directly (`answers.answer_attribute`, of an object the
spawning function makes), as one module judges a constructor it defines itself
(`handoffs.receiving_parameter`, `received_field`). Near miss: a class whose constructor keeps
nothing from that argument, or hands it on, stays a hand-off not followed.
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.fates import PASSES, Fate, FateKind, Keeper
from taskleak.analysis.facts.interface import ClassFacts
from taskleak.analysis.facts.module import Question, QuestionKind, SpawnFacts
from taskleak.project.answers import answer_attribute
from taskleak.project.index import ProjectIndex, Where
from taskleak.project.lineage import ancestors
from taskleak.project.untyped_ends import ended_on_an_untyped_object

# the fates of a task whose one hand-off is that call, not followed
_HANDED = frozenset({FateKind.PASSED, FateKind.LOCAL_HANDED})


def held_by_the_object(index: ProjectIndex, path: str, spawn: SpawnFacts) -> SpawnFacts:
    """`spawn` once a constructor of another module it is handed to is known to keep the task
    in an attribute of the object it makes (that question then answered); else as it was."""
    asked = [q for q in spawn.questions if q.kind is QuestionKind.HANDED_TO]
    if len(asked) != 1 or asked[0].star:
        return spawn
    question = asked[0]
    if not question.kept:  # (the object, with the task, is handed on: not followed)
        return spawn
    where = index.resolve_name(path, question.owner)
    facts = _constructing(index, where) if where is not None else None
    attribute = _kept_in(facts, question) if facts is not None else None
    if attribute is None:
        return spawn
    fates = tuple(_held(index, path, f, question.owner, attribute) if _handed(f) else f
                  for f in spawn.fates)
    return replace(spawn, fates=fates,
                   questions=tuple(q for q in spawn.questions if q is not question))


def _constructing(index: ProjectIndex, where: Where) -> ClassFacts | None:
    """The class whose constructor an object of class `where` runs: the first of its lineage
    that defines `__init__`, or keeps fields through a generated one (`holds`)."""
    for cls in ancestors(index, where, itself=True):
        facts = index.classes[cls]
        if facts.holds or "__init__" in facts.methods:
            return facts
    return None


def _kept_in(facts: ClassFacts, question: Question) -> str | None:
    """The attribute the constructor keeps the argument in: by its place (`self` counted in
    `holds`, not in the question) or by its keyword."""
    for attribute, position, parameter in facts.holds:
        if (question.keyword and question.keyword == parameter) or (
                not question.keyword and position >= 1 and position == question.index + 1):
            return attribute
    return None


def _handed(fate: Fate) -> bool:
    return fate.kind in _HANDED and not fate.ends and (
        fate.hand in PASSES or (fate.kind is FateKind.PASSED and fate.hand is None))


def _held(index: ProjectIndex, path: str, fate: Fate, made: str, attribute: str) -> Fate:
    """The task kept in `attribute` of the object `made()` gives (as written in `path`): never
    ended unless a module ends that attribute (`answer_attribute`)."""
    kept = replace(fate, kind=FateKind.NEVER_CLEANED, keeper=Keeper.DOTTED, owner=made,
                   attribute=attribute, holder=f"{made.rsplit('.', 1)[-1]}.{attribute}",
                   handed="", hand=None, callee="",
                   witness=f"{made}() keeps it in `.{attribute}`, which no module read ends")
    question = Question(QuestionKind.ATTRIBUTE_CLEANUP, made, attribute)
    answered = answer_attribute(index, path, kept, question)
    # (its own module's ends of that attribute of objects it does not type, which its own
    # analysis did not weigh for this task, as it does for a constructor of its own)
    return ended_on_an_untyped_object(index, path, answered, question, here=True) \
        if answered.kind is FateKind.NEVER_CLEANED else answered
