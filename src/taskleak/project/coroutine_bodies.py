"""A task whose only end waits for it to finish, of a coroutine that never finishes.

A task kept and only let go once it is done (a `discard` done-callback, a reset in its own
`finally`) is ended when it finishes by itself; one whose coroutine runs `while True` with no
`break` or `return` never does, so the let-go ends nothing and the task runs until a cancel
nobody makes (RUBRIC: medium). The spawn's module reads the loop of a coroutine it defines
(`classify.py`); one defined elsewhere is asked by its chain (`QuestionKind.COROUTINE_BODY`)
and answered here from the defining module's exports (`Exports.endless`), so the row is the
same wherever the coroutine lives. So for a local ended only on the normal way out
(`skippable_ends.py`): of a coroutine that never finishes, that way out leaves it running for
good (END_SKIPPED, medium).
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.analysis.facts.interface import LET_GO, NO_ENDS
from taskleak.project.index import ProjectIndex, Where

# kept, and let go of once done: what the same fate is when the task never is
_NEVER_DONE = {FateKind.KEPT_CLEANED: FateKind.NEVER_CLEANED,
               FateKind.COLLECTION_CLEANED: FateKind.NEVER_CLEANED}
# ended only by the spawning function, after a step that can leave it (`skipped_by`)
_SKIPPABLE_KEPT = frozenset({FateKind.KEPT_CLEANED, FateKind.COLLECTION_CLEANED})


def endless_words(index: ProjectIndex, found: Where | None) -> str:
    """What the loop of the coroutine function `found` (`callees.function_at` of its chain)
    does, when it never ends by itself; "" otherwise, or when the project does not define it."""
    if found is None:
        return ""
    return dict(index.modules[found[0]].exports.endless).get(found[1], "")


def never_let_go(fate: Fate, words: str) -> Fate:
    """`fate` when its task's coroutine never ends by itself (`words`: how its loop runs): an
    end that only lets go of it once done ends nothing; a local's end that a step before it
    can skip leaves it running for good on that way out (`skippable_ends.py`)."""
    if fate.kind is FateKind.LOCAL_CLEANED and fate.skipped_by and words:
        # (`stored_in` kept: a hand-off the step skips says so, `answers._ended_by_the_receiver`)
        return replace(fate, kind=FateKind.END_SKIPPED, long_running=True, loop=words)
    if fate.kind in _SKIPPABLE_KEPT and fate.skipped_by and words:
        # a collection or an attribute only its spawning function ends, after a step that can
        # leave it (`skippable_ends.ended_late`)
        return replace(fate, kind=FateKind.END_SKIPPED, skipped_kind=fate.kind,
                       long_running=True, loop=words, callee="", timeout=False)
    if fate.user_ended and not fate.runs_until_ended and words:  # (`owner_paths.user_ends`)
        return replace(fate, runs_until_ended=True, loop=words)
    if fate.kind not in _NEVER_DONE or fate.ends != LET_GO or not words:
        return fate
    return replace(fate, kind=_NEVER_DONE[fate.kind], ends=NO_ENDS, cleanup="",
                   long_running=True, loop=words)
