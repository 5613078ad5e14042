"""What a coroutine function run by `asyncio.run()` from another module leaves running
(`QuestionKind.RUN_BY_A_RUNNER`).

When the coroutine `asyncio.run()` runs returns, or fails, the runner cancels every task still
running. Its module reads that when the call is beside the function (`race_fates._left`: a
race's losers left running are ended by the runner); when the call is in another module
(`python -m pkg`'s `__main__.py` running `app.main()`), that module exports it
(`Exports.runner_calls`) and the join reads the same here, so the rows are the same wherever
the call lives. An end a way out skips is no end the runner gives (stop 97: the runner's
cancel of what is left is no end of the task's owner, RUBRIC convention 4): the local or
attribute is left running when its function fails, however the program closes.
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.fates import Fate, FateKind, Keeper
from taskleak.analysis.facts.module import Question
from taskleak.project.index import ProjectIndex

# what a race's loser is when the runner ends it, by what keeps it (`race_fates._left`): a
# local (or a local collection), nothing (`wait([spawn(a()), ...])`), a holder that outlives
# the call
_ENDED_BY_THE_RUNNER = {Keeper.LOCAL: FateKind.COLLECTION_CLEANED, None: FateKind.GATHERED}


def run_by_a_runner(index: ProjectIndex, path: str, fate: Fate, question: Question) -> Fate:
    """`fate`, spawned in the coroutine function `question.owner`, once the calls of other
    modules that give it to a cancelling runner are read."""
    if fate.kind is not FateKind.LEFT_RUNNING:
        return fate
    target = (path, question.owner)
    runner = next((call.runner for caller, call in index.run_by.get(
        question.owner.rsplit(".", 1)[-1], []) if caller != path
        and index.resolve_callee(caller, call.callee, call.caller) == target), "")
    if not runner:
        return fate
    cleanup = (f"left running by {fate.callee} until {question.owner.rsplit('.', 1)[-1]}() "
               f"returns, then cancelled by {runner}")
    if fate.keeper is None:  # passed to the wait, as the runner's own module says it
        return replace(fate, kind=FateKind.GATHERED, callee=fate.ended_as, cleanup=cleanup,
                       ended_as="", left="", timeout=False, exit_only=False)
    if fate.keeper is Keeper.LOCAL and fate.ended_as:
        return replace(fate, kind=FateKind.LOCAL_CLEANED, holder=fate.ended_as, cleanup=cleanup,
                       ended_as="", left="", timeout=False, exit_only=False)
    ended = _ENDED_BY_THE_RUNNER.get(fate.keeper, FateKind.KEPT_CLEANED)
    return replace(fate, kind=ended, cleanup=cleanup, ended_as="", left="", timeout=False,
                   exit_only=False)
