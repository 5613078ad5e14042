"""A spawn's fates completed with what other modules tell: which fates each question is about,
and the answer that completes them (`answers.py` for the ends of attributes, globals and
received collections; one module each for the others), then a store over a live task entered
again from elsewhere (`reentry.py`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial

from taskleak.analysis.facts.fates import Fate, FateKind, Keeper
from taskleak.analysis.facts.module import OWN_OBJECT, Question, QuestionKind, SpawnFacts
from taskleak.project.answers import (
    answer_attribute,
    answer_global,
    answer_handoffs,
    helper_of,
    promised,
    spawned_by,
)
from taskleak.project.called_often import called_often
from taskleak.project.callees import function_at
from taskleak.project.constructed_holders import held_by_the_object
from taskleak.project.coroutine_bodies import endless_words, never_let_go
from taskleak.project.done_callbacks import seen_by_a_callback
from taskleak.project.flag_stops import stopped_by_a_flag
from taskleak.project.index import ProjectIndex
from taskleak.project.owner_paths import owner_closes, user_ends
from taskleak.project.received_collections import answer_parameter
from taskleak.project.reentry import respawned_elsewhere
from taskleak.project.registrations import answer_registration, handed_to_a_registration
from taskleak.project.replaced_only import ended_only_to_replace
from taskleak.project.runner_ends import run_by_a_runner


def _attribute_of(fate: Fate, question: Question) -> bool:
    return fate.keeper in (Keeper.ATTRIBUTE, Keeper.DOTTED) and question.name == fate.attribute


def _global_of(fate: Fate, question: Question) -> bool:
    return fate.keeper is Keeper.GLOBAL and question.name == fate.attribute


def _named(fate: Fate, question: Question) -> bool:
    return question.name == fate.attribute


def _endless(index: ProjectIndex, path: str, fate: Fate, question: Question) -> Fate:
    found = function_at(index, path, question.owner)
    words = endless_words(index, found)
    if words and question.name == OWN_OBJECT \
            and stopped_by_a_flag(index, path, question.owner, found):
        words = ""  # a way out its owner gives: not "until cancelled" (`flag_stops.py`)
    if fate.kind is FateKind.LEFT_AT_TIMEOUT:
        # left running for good when its function never ends by itself; left to finish by
        # itself when it does; not followed when the project does not define it, which is
        # low too, said so (`race_fates._left_at_timeout`, RUBRIC convention 7)
        if words:
            return replace(fate, kind=FateKind.LEFT_RUNNING)
        if found is None:
            what = question.owner.removesuffix("()")
            return replace(fate, run_unfollowed=f"what {fate.coroutine} runs ({what}) is not "
                           "defined in the checked code")
        return fate
    return never_let_go(fate, words)


Answer = Callable[[ProjectIndex, str, Fate, Question], Fate]
# each question a fate's answer waits for: which fates it is about (None: any), and the answer
_ANSWERS: dict[QuestionKind, tuple[Callable[[Fate, Question], bool] | None, Answer]] = {
    QuestionKind.ATTRIBUTE_CLEANUP: (_attribute_of, answer_attribute),
    QuestionKind.GLOBAL_CLEANUP: (_global_of, answer_global),
    QuestionKind.COROUTINE_BODY: (None, _endless),
    QuestionKind.PARAMETER_COLLECTION: (_named, answer_parameter),
    QuestionKind.CALLED_OFTEN: (_named, called_often),
    QuestionKind.RUN_BY_A_RUNNER: (None, run_by_a_runner),
    QuestionKind.CALLBACK_READS: (None, seen_by_a_callback),
    QuestionKind.OWNER_CLOSES: (None, owner_closes),
    QuestionKind.USER_ENDS: (None, user_ends),
    QuestionKind.REPLACED_ONLY: (_attribute_of, ended_only_to_replace),
    QuestionKind.LAMBDA_CALLEE: (handed_to_a_registration, answer_registration),
}


def answer(index: ProjectIndex, path: str, spawn: SpawnFacts) -> tuple[Fate, ...]:
    """The spawn's fates, completed with what other modules tell."""
    spawn = answer_handoffs(index, path, held_by_the_object(index, path, spawn))
    if spawn.helper:
        helper = helper_of(index, path, spawn)
        if helper is not None:
            named = spawned_by(helper, spawn)
            kept = promised(helper, spawn, named)
            if kept is not None:
                return kept
            spawn = replace(spawn, fates=named)
    # (what the coroutine's module says of its loop first: the other answers read whether the
    # task runs until cancelled, wherever the coroutine lives)
    questions = sorted(spawn.questions, key=lambda q: q.kind is not QuestionKind.COROUTINE_BODY)
    fates = []
    for fate in spawn.fates:
        for question in questions:
            about, complete = _ANSWERS.get(question.kind, (None, None))
            if complete is answer_attribute:  # which objects hold the task: its method's
                complete = partial(answer_attribute, spawned_in=spawn.context, runs=spawn.runs)
            elif complete is owner_closes or complete is user_ends:  # (a restart ends nothing)
                complete = partial(complete, spawned_in=spawn.context)
            if complete is not None and (about is None or about(fate, question)):
                fate = complete(index, path, fate, question)
        # (after its end is found: a store over a live task, entered again from elsewhere)
        fates.append(respawned_elsewhere(index, path, spawn.context, fate))
    return tuple(fates)
