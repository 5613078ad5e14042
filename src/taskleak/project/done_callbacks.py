"""A done-callback of another module: does it read the outcome of the task it is given?

A task in a local of a function that never returns is held while it runs; whether its errors
are seen is whether a done-callback added to it reads its outcome (`task.result()`,
`task.exception()`). The spawn's module reads a callback it defines
(`obligations/held_locals.py`); one it imports is asked by its chain
(`QuestionKind.CALLBACK_READS`) and answered here from the defining module's exports
(`Exports.outcome_readers`), so the row is the same wherever the callback lives. A callback the
project does not define tells nothing: the task stays held with its errors unseen.
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.analysis.facts.interface import BY_ITS_OWNER
from taskleak.analysis.facts.module import Question
from taskleak.project.callees import function_at
from taskleak.project.index import ProjectIndex


def seen_by_a_callback(index: ProjectIndex, path: str, fate: Fate, question: Question) -> Fate:
    """`fate` (read in module `path`) when its done-callback `question.owner` reads the task's
    outcome: kept and ended, as when the callback is the spawn's module's own. A task kept in
    an attribute, a global or another object's attribute and never ended asks only when it
    ends by itself and no close leaves it running (`closing.imported_reader`); its coroutine's
    module may still say it never does (`coroutine_bodies.py`, answered first)."""
    kept = fate.kind in _KEPT and not fate.long_running and not fate.loop
    if (fate.kind is not FateKind.HELD_WHILE_RUNNING and not kept) \
            or fate.callback != question.owner:
        return fate
    found = function_at(index, path, question.owner)
    if found is None or found[1] not in index.modules[found[0]].exports.outcome_readers:
        return fate
    # (the words of `obligations/closing.read_by_callback` and `closing_work`, which this
    # module, run warm without the parser, does not import)
    reader = found[1].rsplit(".", 1)[-1]
    if kept:
        return replace(fate, kind=FateKind.KEPT_CLEANED, callback="", ends=BY_ITS_OWNER,
                       cleanup=f"ends by itself; the done-callback {reader}() reads its outcome")
    return replace(fate, kind=FateKind.LOCAL_CLEANED, held="", callback="",
                   cleanup=f"held while {fate.held}; the done-callback {reader}() reads its "
                   "outcome")


# a kept task never ended, its end perhaps a done-callback of another module (`imported_reader`)
_KEPT = frozenset({FateKind.NEVER_CLEANED, FateKind.SINGLETON})
