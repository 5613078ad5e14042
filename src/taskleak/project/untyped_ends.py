"""Ends of an attribute found by its name alone, once other modules are read: which effects
end a task (`ends_of`), and an end on an object no class of the project types, which may be
any class's (`ended_on_an_untyped_object`, `answered_by_name`): low, and the words say the
object's class was not resolved. An object typed with a class of the project (`Effect.owner`,
resolved: `typed_object`) holds that class's attribute only (`answers._ended_elsewhere`)."""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.analysis.facts.interface import Effect, EffectKind
from taskleak.analysis.facts.module import Question
from taskleak.project.effect_words import cleanup_text
from taskleak.project.index import ProjectIndex

# What a fate becomes once another module is found to end the task.
ENDED = {FateKind.NEVER_CLEANED: FateKind.KEPT_CLEANED,
         FateKind.SLOT_NEVER_CLEANED: FateKind.KEPT_CLEANED,
         FateKind.SINGLETON: FateKind.KEPT_CLEANED,
         FateKind.COLLECTION_GROWS: FateKind.COLLECTION_CLEANED}


def ends_of(fate: Fate, found: list[tuple[str, Effect]]) -> list[tuple[str, Effect]]:
    """The effects that end the task: a done-callback that reads its outcome only for a task
    that ends by itself, with no close-like method of its owner that leaves it running (as
    `closing.closing_work` in its own module); a prune only for a task that ends by itself (one
    that runs until cancelled is let go of, not ended: `coroutine_bodies.never_let_go`); a
    `.result()` read under a `done()` check only for a concurrent Future."""
    by_itself = not (fate.long_running or fate.loop or fate.reschedules or fate.closers)
    endless = bool(fate.long_running or fate.loop or fate.reschedules)
    return [(p, e) for p, e in found
            if (e.kind is not EffectKind.OUTCOME or by_itself)
            and (e.kind is not EffectKind.PRUNE or not endless)
            and (e.kind is not EffectKind.RESULT_IF_DONE or fate.threadsafe)]


def ended_on_an_untyped_object(index: ProjectIndex, path: str, fate: Fate,
                                question: Question, here: bool = False) -> Fate:
    """`await hook._registered` in another module, `hook` of no class the analysis resolves,
    while more than one class stores `._registered`: that end may be this task's, so no claim
    that nothing ends it (the class that stores it alone already took every such end). `here`:
    in `path` itself instead, whose own analysis did not follow the task there (a constructor
    of another module keeps it: `constructed_holders.py`)."""
    # (and this module's own typed with no class of the project: its analysis left those to
    # the join, `EffectOwners.of_another_class`)
    untyped = [(other, e) for other, e in index.effects.get(question.name, [])
               if not typed_object(index, other, e)
               and ((other == path) if here else (other != path or bool(e.owner)))]
    found = ends_of(fate, untyped)
    if not found:
        return fate
    return replace(fate, kind=ENDED[fate.kind], closers="",
                   cleanup=f"{cleanup_text(found)} (an attribute of that name; the object's "
                           "class is not resolved)")


def typed_object(index: ProjectIndex, path: str, effect: Effect) -> bool:
    """The effect's object is typed (`Effect.owner`) with a class of the project: an end of
    that class's attribute, not of any object's (one typed with a class the project does not
    define, `ws: WebSocket`, is as untyped as any)."""
    return bool(effect.owner) and index.resolve_name(path, effect.owner) in index.classes


def answered_by_name(index: ProjectIndex, fate: Fate, question: Question) -> Fate:
    """A dotted holder whose object's class is not resolved: an end of an attribute of that
    name on any object, anywhere searched, may be this one's (so no claim that nothing ends
    it); when there is none, the witness says so."""
    found = ends_of(fate, index.effects.get(question.name, []))
    if not found:
        named = f"other module naming `.{question.name}`"
        return replace(fate, witness=f"{fate.witness}; nor does any {named} end it"
                       if fate.witness else f"no {named} ends it")
    return replace(fate, kind=ENDED[fate.kind], closers="",
                   cleanup=f"{cleanup_text(found)} (an attribute of that name; the object's "
                           "class is not resolved)")
