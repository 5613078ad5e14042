"""Which objects hold a spawn's task, for the ends other modules make of its attribute: the
classes whose objects run the spawning method (its class, and the subclasses that inherit or
extend that method; one that replaces it never holds this task, so its `close()` is no end of
it), and the cancel that is the task's own, in the method its coroutine runs on its object.
"""

from __future__ import annotations

from taskleak.analysis.facts.interface import Effect, EffectKind
from taskleak.project.index import ProjectIndex, Where


def spawning_method(owner: Where, spawned_in: str) -> str:
    """The name of the method of class `owner` the spawn is in (`spawned_in`, its qualified
    name in `owner`'s module: "Cover.get_position"); "" when it is in none."""
    cls, _, method = spawned_in.rpartition(".")
    return method if cls == owner[1] else ""


def running_the_spawn(index: ProjectIndex, owner: Where, spawned_in: str) -> set[Where] | None:
    """The classes whose objects run the spawn, a method of `owner`: `owner` and its subclasses
    that inherit that method or extend it (one that replaces it never runs this spawn: `Shade`'s
    own `get_position()`). None when the spawn is in no method of `owner`."""
    method = spawning_method(owner, spawned_in)
    if not method:
        return None
    spawning = (owner[0], spawned_in)
    return {owner} | {sub for sub in index.tree.subclasses(owner)
                      if _runs(index, sub, method, spawning)}


def _runs(index: ProjectIndex, cls: Where, method: str, spawning: Where) -> bool:
    """An object of `cls` runs `spawning` when it calls `method`: `cls` inherits it, or the
    method it runs calls `super()` (a chain of such calls is taken to reach it)."""
    found = index.method_of(cls[0], cls[1], method)
    if found is None or found == spawning:
        return found is not None
    facts = index.classes.get((found[0], found[1].rpartition(".")[0]))
    return facts is not None and method in facts.extends


def its_own_cancel(index: ProjectIndex, running: set[Where], ends: Where, effect: Effect,
                   runs: str) -> bool:
    """`effect` is a cancel in the method `runs` that the spawn's coroutine calls on its own
    object, as a class running the spawn resolves it (`ends.runs`, in whichever module): the
    task cancelling itself as it finishes, no end by its owner (as in its own module:
    `lifetimes.without_its_own_cancels`)."""
    return bool(runs) and effect.kind is EffectKind.CANCEL and effect.method == runs and any(
        index.method_of(cls[0], cls[1], runs) == (ends[0], f"{ends[1]}.{runs}")
        for cls in running)


def finaliser_effect(effect: Effect, runs: str) -> bool:
    """`effect`, another module's end of the attribute, sits in the `__del__` of an object
    running the spawn, whose coroutine runs its method `runs`: the task holds that object, so
    its finaliser never runs while the task does (as in its own module:
    `obligations/finalisers.without_finaliser_ends`)."""
    head, _, attr = effect.key.partition(".")
    return bool(runs) and effect.method == "__del__" and head == "self" and "." not in attr


def same_objects(index: ProjectIndex, ends: Where, owner: Where,
                 running: set[Where] | None) -> bool:
    """An object that holds the task may run the methods of class `ends`: with the classes
    `running` the spawn, one of them is `ends` or derives from it; otherwise one of `ends` and
    `owner` is a subclass of the other, or a class of the project derives from both (a mixin's
    `self._timer`, ended by a sibling base of the concrete class that includes it)."""
    if running is not None:
        return any(index.is_subclass(cls, ends) for cls in running)
    return index.is_subclass(ends, owner) or index.is_subclass(owner, ends) or any(
        index.is_subclass(concrete, ends) for concrete in index.tree.subclasses(owner))
