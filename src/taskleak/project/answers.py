"""Answer what a module could not tell alone about its spawns, from the other modules.

- `ATTRIBUTE_CLEANUP`: a task kept in `Cls.attr` that this module never ends: another module ends
  it when it awaits, cancels or prunes `attr` reached through an object of that class (its
  methods, a subclass's), or through any object when only that class stores `attr` anywhere in
  the project;
- (`PARAMETER_COLLECTION`: `received_collections.py`);
- `RETURNED_TASK`: a task returned to the callers: a caller that drops the result drops the
  task, and the finding is theirs (`dropped_returns`); `HELPER_CALLERS`: the calls of a spawn
  helper that keeps and ends its task, each a row of its own, found the same way.
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.calls import DroppedCall, ParamUse
from taskleak.analysis.facts.fates import (
    PASSES,
    Fate,
    FateKind,
    Hand,
    Keeper,
    listed,
    returns_to_callers,
)
from taskleak.analysis.facts.interface import Effect, End, Ends, FunctionFacts, Promise
from taskleak.analysis.facts.module import Question, QuestionKind, SpawnFacts
from taskleak.analysis.obligations.forgetting_helpers import caller_decides
from taskleak.analysis.tree.vocabulary import SHIELD, WEAK_CONTAINERS
from taskleak.project.callees import helper_called
from taskleak.project.declared_types import declared_type
from taskleak.project.effect_words import ENDS, cleanup_text, short
from taskleak.project.index import ProjectIndex, Where
from taskleak.project.library_classes import library_end
from taskleak.project.outside_bases import outside_holder
from taskleak.project.spawn_objects import (
    finaliser_effect,
    its_own_cancel,
    running_the_spawn,
    same_objects,
)
from taskleak.project.untyped_ends import (
    ENDED,
    answered_by_name,
    ended_on_an_untyped_object,
    ends_of,
    typed_object,
)
from taskleak.project.weak_globals import weakly_held


def _ended_elsewhere(index: ProjectIndex, path: str, question: Question, owner: Where,
                     dotted: bool = False, spawned_in: str = "", runs: str = ""
                     ) -> list[tuple[str, Effect]]:
    """Effects of other modules (of `owner`'s own too, when it is not `path`'s: an object of
    another class, `result.task`) on `owner`'s attribute `question.name`, made by the spawn in
    method `spawned_in` (a qualified name of `path`) running its object's method `runs`."""
    stored = index.stored_by.get(question.name, [])
    unique = bool(stored) and all(where == owner for where in stored)
    running = None if dotted else running_the_spawn(index, owner, spawned_in)
    found = []
    for other, effect in index.effects.get(question.name, []):
        if other == path and not dotted and _own_object(effect.key):
            continue  # this module's own effects were counted where it was analysed
        # (an owner as written in `other`: its own class, or an annotation naming an import;
        # a subclass's end, or a base class's, whose methods the owner's objects inherit)
        ends = (index.resolve_name(other, effect.owner) or (other, effect.owner)) \
            if effect.owner else None
        if ends is not None and running is not None \
                and (its_own_cancel(index, running, ends, effect, runs)
                     or finaliser_effect(effect, runs)):
            continue  # (no end by its owner: the task's own, or one it keeps from running)
        # (an object typed with another class of the project holds that class's attribute,
        # whichever class alone stores one of the name)
        if (unique and not typed_object(index, other, effect)) \
                or (ends is not None and same_objects(index, ends, owner, running)):
            found.append((other, effect))
    return found


def _own_object(key: str) -> bool:
    """`self.x`: a read the module's own analysis of the class counted (not `self.decoder.x`
    or `decoder.x`, an end through another object, which it did not)."""
    head, _, attr = key.partition(".")
    return head in ("self", "cls") and "." not in attr


def answer_attribute(index: ProjectIndex, path: str, fate: Fate, question: Question,
                     spawned_in: str = "", runs: str = "") -> Fate:
    """`fate` of a task the spawn in `spawned_in` (running its object's method `runs`) keeps
    in an attribute this module never ends, once other modules' ends of it are read."""
    dotted = fate.keeper is Keeper.DOTTED
    if fate.kind not in ENDED or not (question.owner or dotted):
        return fate
    owner: Where = (path, question.owner)
    if dotted:
        # a dotted holder's owner is the class its object is constructed from (or declared
        # as), as written there
        resolved = index.resolve_name(path, question.owner) if question.owner else None
        if resolved is None or resolved not in index.classes:
            return answered_by_name(index, fate, question)
        owner = resolved
    # `monitor._tasks`, `self._tasks` of a subclass: `_tasks: weakref.WeakSet[Task]` there
    weak = declared_type(index, owner, question.name)
    if weak in WEAK_CONTAINERS:
        return replace(fate, kind=FateKind.WEAKLY_HELD, cleanup="", closers="",
                       holder=f"{fate.holder}, a {weak} of {owner[1]}")
    found = ends_of(fate, _ended_elsewhere(index, path, question, owner, dotted, spawned_in,
                                         runs))
    if not found and not dotted and (outside := outside_holder(index, owner, question.name)):
        return replace(fate, kind=_LEFT_TO_A_BASE[fate.kind], handed=outside, hand=Hand.STORED,
                       cleanup="", closers="")
    if not found:
        return ended_on_an_untyped_object(index, path, fate, question)
    ended = replace(fate, kind=ENDED[fate.kind], cleanup=cleanup_text(found), closers="")
    if dotted and fate.skipped_by and fate.loop:  # (`loop`: it runs until cancelled)
        # held by an object its spawning function hands on only after a step that can leave
        # it (`skippable_ends.object_handed_late`): on that way out, kept by nothing for good
        return replace(ended, kind=FateKind.END_SKIPPED, skipped_kind=ended.kind)
    return ended


# an attribute left to a base class outside the checked code (`outside_bases.py`): handed on,
# not followed
_LEFT_TO_A_BASE = {kind: FateKind.COLLECTION_HANDED if ended is FateKind.COLLECTION_CLEANED
                   else FateKind.KEPT_HANDED for kind, ended in ENDED.items()}


def answer_global(index: ProjectIndex, path: str, fate: Fate, question: Question) -> Fate:
    """A task kept in a module-level name: ended too where other modules end that name's
    tasks (the module that defines it, those that import it); held by nothing when that
    module binds the name to a weak collection that holds it weakly (as its key, its value)."""
    weak = weakly_held(index, path, fate, question.name)
    if weak is not None:
        return weak
    found = ends_of(fate, index.ended_globally(path, question.name))
    if not found:
        return fate
    kind = ENDED.get(fate.kind, fate.kind)
    return replace(fate, kind=kind, ends=fate.ends | {ENDS[e.kind] for _, e in found},
                   cleanup=", ".join(filter(None, (fate.cleanup, cleanup_text(found)))),
                   closers="" if kind is not fate.kind else fate.closers)


def helper_of(index: ProjectIndex, path: str, spawn: SpawnFacts) -> FunctionFacts | None:
    """The project's function a configured spawner's call runs: by the call (`self.spawn` in a
    method: its class's; on an instance: the one the join resolves), else the one function of
    the project the name fits."""
    called = helper_called(index, path, spawn)
    if called is not None:
        return called
    runs = index.resolve_callee(path, spawn.helper, spawn.context)
    helper = index.functions.get(runs) if runs is not None else None
    return helper if helper is not None else index.helper(spawn.helper)


def spawned_by(helper: FunctionFacts, spawn: SpawnFacts) -> tuple[Fate, ...]:
    """The spawn's fates naming what the helper runs: the argument given for the parameter it
    spawns (`self.spawn(hass, job)` runs `job`, not `hass`)."""
    position = helper.coroutine - (1 if helper.method else 0)
    if helper.coroutine < 0 or not 0 <= position < len(spawn.arguments):
        return spawn.fates
    return tuple(replace(f, coroutine=spawn.arguments[position]) for f in spawn.fates)


def promised(helper: FunctionFacts, spawn: SpawnFacts, fates: tuple[Fate, ...]
             ) -> tuple[Fate, ...] | None:
    """What the helper's body says it does with its task, when it keeps it: kept and ended, or
    kept forever; None when it hands the task back (the caller's handling decides)."""
    first = fates[0]
    if helper.promise is Promise.KEEPS_AND_CLEANS and caller_decides(
            helper.ends, fates, first.kind is FateKind.HELPER_NEVER_ENDS):
        return None  # it only forgets the task when done; the caller keeps it unended
    if helper.promise is Promise.KEEPS_AND_CLEANS and first.kind is FateKind.HELPER_NEVER_ENDS:
        return (first,)  # a library's helper keeps for good what runs until cancelled
    if helper.promise is Promise.KEEPS_AND_CLEANS:
        return (replace(first, kind=FateKind.HELPER_KEEPS, holder=spawn.helper,
                        cleanup=helper.cleanup, ends=helper.ends, own_work=helper.own),)
    if helper.promise is Promise.KEEPS:
        return (replace(first, kind=FateKind.HELPER_NEVER_ENDS, holder=spawn.helper,
                        cleanup=""),)
    if helper.promise is Promise.DROPS:
        return (replace(first, kind=FateKind.HELPER_DROPS, holder=spawn.helper, cleanup=""),)
    return None


# What a fate handed to another module's function becomes when that function ends the task.
_HANDED_ENDED = {FateKind.PASSED: FateKind.PASSED, FateKind.LOCAL_HANDED: FateKind.LOCAL_CLEANED,
                 FateKind.KEPT_HANDED: FateKind.KEPT_CLEANED,
                 FateKind.COLLECTION_HANDED: FateKind.COLLECTION_CLEANED,
                 FateKind.LOCAL_COLLECTION_HANDED: FateKind.COLLECTION_CLEANED,
                 # an attribute's collection passed to a call is not handed over (`len()`,
                 # `log()`), but one that ends what it receives ends its tasks
                 FateKind.COLLECTION_GROWS: FateKind.COLLECTION_CLEANED}


# What a fate handed to another module's function can be when that function leaves it running.
_LEFT_BY_THE_CALLEE = frozenset({FateKind.PASSED, FateKind.LOCAL_HANDED, FateKind.KEPT_HANDED,
                                 FateKind.COLLECTION_HANDED, FateKind.LOCAL_COLLECTION_HANDED})


def answer_handoffs(index: ProjectIndex, path: str, spawn: SpawnFacts) -> SpawnFacts:
    """A task handed to functions of other modules (`HANDED_TO`): ended when one of them
    ends what that parameter receives (its words say where); left running when one returns
    with it still running and nothing here ends it; when every one is found and
    none ends it, the fates the module gave for that case (`SpawnFacts.otherwise`); else, a
    function not found, as it was (not followed)."""
    asked = [q for q in spawn.questions if q.kind is QuestionKind.HANDED_TO]
    if not asked:
        return spawn
    found = [handed_to(index, path, q.owner, q.name, q.index, q.star, q.keyword)
             for q in asked]
    cut = [(where, use) for where, use in filter(None, found) if use.cut_by]
    if cut and spawn.spawner == SHIELD:
        # the timeout cancels the shield's future it was handed, and the task the shield
        # protects goes on: left running, as by `wait_for(shield(work()), t)` in one module
        where, use = cut[0]
        fn = use.function.rsplit(".", 1)[-1]
        shielded = tuple(
            replace(f, kind=FateKind.LEFT_RUNNING, callee=f"{fn}(), in {short(where)}",
                    holder=f.holder or f"passed to {fn}()",
                    left=f"{fn}() waits for it under {use.cut_by}, which cancels the shield, "
                    "not the task it protects", timeout=True, exit_only=False, handed="",
                    hand=None)
            if f.kind in _LEFT_BY_THE_CALLEE and not f.ends and (
                f.hand in PASSES or (f.kind is FateKind.PASSED and f.hand is None))
            else f for f in spawn.fates)
        if shielded != spawn.fates:
            return replace(spawn, fates=shielded)
    ends = [f"{use.ends}, in {short(where)}" if where else use.ends
            for where, use in filter(None, found) if use.ends]
    if ends:
        cleanup = listed(list(dict.fromkeys(ends)), most=2)
        return replace(spawn, fates=tuple(
            _ended_by_the_receiver(f, cleanup)
            if f.kind in _HANDED_ENDED and not f.ends and (
                f.hand in PASSES or (f.kind is FateKind.PASSED and f.hand is None)
                or f.kind is FateKind.COLLECTION_GROWS)
            else f for f in spawn.fates))
    left = [(where, use) for where, use in filter(None, found) if use.left_by]
    if left and all(found):
        # returned with it still running, and nothing here ends it (`ParamUse.left_by`); a
        # hand-off not followed (`cancel_and_drain(ready)` of a library) may end it: no claim
        where, use = left[0]
        return replace(spawn, fates=tuple(
            replace(f, kind=FateKind.LEFT_RUNNING, callee=f"{use.left_by}, in {short(where)}",
                    left=use.left, timeout=False, exit_only=False, handed="", hand=None)
            if f.kind in _LEFT_BY_THE_CALLEE and not f.ends and f.hand in PASSES
            else f for f in spawn.fates))
    if spawn.otherwise and all(found):
        return replace(spawn, fates=spawn.otherwise)
    return spawn


# the end of a task another module's function receives (its words, `ParamUse.ends`, say how)
_BY_THE_RECEIVER: Ends = frozenset({End.OTHER})


def _ended_by_the_receiver(fate: Fate, cleanup: str) -> Fate:
    """`fate` once the function it is handed to ends it (`cleanup`): a local handed on only
    after a step that can leave its function first, its coroutine running until cancelled
    (`skippable_ends.handed_late`), runs for good on that way out (END_SKIPPED, the hand-off
    it misses kept in `stored_in`)."""
    if fate.kind is FateKind.LOCAL_HANDED and fate.skipped_by:
        # (a coroutine not known here to run until cancelled: `coroutine_bodies.never_let_go`)
        return replace(fate, kind=FateKind.END_SKIPPED if fate.long_running else
                       FateKind.LOCAL_CLEANED, cleanup=cleanup, ends=_BY_THE_RECEIVER,
                       stored_in=fate.handed, handed="", hand=None)
    return replace(fate, kind=_HANDED_ENDED[fate.kind], cleanup=cleanup, ends=_BY_THE_RECEIVER,
                   handed="", hand=None)


def handed_to(index: ProjectIndex, path: str, callee: str, caller: str, position: int,
               star: bool, keyword: str = "") -> tuple[str, ParamUse] | None:
    """What the function a call in `path` runs (`resolve_callee`) does with the task its
    positional argument `position` gives it (`star`: a starred one, which only a `*args`
    parameter is known to receive; `keyword`: passed by that keyword instead), and the
    function's module ("" for a library's method: `library_classes.py`); None when the
    function, or what it does with that parameter, is not known."""
    runs = index.resolve_callee(path, callee, caller)
    if runs is None:  # a library's method behind a base of another module, maybe
        ended = library_end(index, path, callee, caller, position, star, keyword)
        return ("", ended) if ended is not None else None  # (its module: not known)
    if keyword:  # the parameter of that name, else `**kwargs`
        named = index.param_names.get((runs, keyword)) or index.rest_params.get((runs, "**"))
        return (runs[0], named) if named is not None else None
    # a method called through its object (`self.f(t)`, `obj.f(t)`) is given no `self`
    candidates = [] if star else [index.param_uses.get((runs, position + 1)),
                                  index.param_uses.get((runs, position))]
    for use in candidates:
        if use is not None and use.index == _slot(use, position):
            return runs[0], use
    rest = index.rest_params.get((runs, "*"))  # `def f(*futures)`
    if rest is not None and _slot(rest, position) >= rest.index:
        return runs[0], rest
    return None


def _slot(use: ParamUse, position: int) -> int:
    """The parameter slot (`self` counted) a call's positional argument `position` fills in
    the function `use` is of: a method the call resolves to is called through its object
    (`obj.f(t)`, or a bound method in a name), which passes no `self`. (`Cls.f(obj, t)`, which
    passes it, is read the same way: not followed.)"""
    return position + 1 if use.method else position


def dropped_returns(index: ProjectIndex, path: str, spawn: SpawnFacts
                    ) -> list[tuple[str, DroppedCall, str]]:
    """The calls, anywhere in the project, that drop the task the spawn's function returns
    (or a function of its module that returns what it returns: `FunctionFacts.via`), and the
    calls of a spawn helper, with the function each calls (through another object's typed
    attribute too: `self.hass.async_create_task(...)`, placed in the first pass)."""
    out = []
    # the task goes back to the callers only as the hand-offs' answers leave it: a function
    # that hands it to an owner that ends it (another module's `self._keep(task)`) and returns
    # it too gives them a borrow, which they may drop (the question came from the fates for
    # hand-offs that end nothing)
    returned = returns_to_callers(answer_handoffs(index, path, spawn).fates)
    for q in spawn.questions:
        if q.kind not in (QuestionKind.RETURNED_TASK, QuestionKind.HELPER_CALLERS) \
                or (q.kind is QuestionKind.RETURNED_TASK and not returned):
            continue
        helper = q.kind is QuestionKind.HELPER_CALLERS
        functions = [q.owner] if helper else [q.owner, *index.passing_on(path, q.owner)]
        for function in functions:
            target: Where = (path, function)
            # a coroutine function gives its task when awaited; called bare, it runs nothing
            awaited = (fn := index.functions.get(target)) is not None and fn.awaited
            for caller_path, call in index.dropped.get(function.rsplit(".", 1)[-1], []):
                if call.awaited == awaited \
                        and index.resolve_callee(caller_path, call.callee, call.caller,
                                                 call.receiver) == target:
                    out.append((caller_path, call, function))
    return out
