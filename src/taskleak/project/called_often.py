"""A store over a live task in a module-level collection, reached again from another module
(`QuestionKind.CALLED_OFTEN`).

Its module exports the store (`Fate.overwrites`: `_in_flight[app] = ensure_future(...)`, keyed
by a parameter, the entry's task not ended or tested first) when it knows no caller of its own
that runs the function again. The callers that do may be in other modules, and each told the
join how it knows it runs again (`Exports.repeated_calls`: a route's decorator, a handler's
registration, a loop). The store is then an overwrite of a running task (KEY_OVERWRITTEN), as
in one module, unless that caller tests first that the same collection (resolved where each
binds it) holds nothing for the key (`RepeatedCall.guards`).

Only a caller's own module's evidence counts: a function whose callers run it per event two
modules away (a handler registered in a third module) is not followed, and no claim is made.
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.fates import Fate, FateKind, Keeper
from taskleak.analysis.facts.module import Question
from taskleak.project.effect_words import short
from taskleak.project.index import ProjectIndex

# The fates a key store into a module-level dict exports its `overwrites` with
# (`classify.collection_fate`: ended by its module, or by nothing).
_STORES = frozenset({FateKind.COLLECTION_CLEANED, FateKind.COLLECTION_GROWS})


def called_often(index: ProjectIndex, path: str, fate: Fate, question: Question) -> Fate:
    """`fate` of a store in `question.owner`'s module-level collection `question.name`, once
    other modules' calls of that function are read: overwritten while running when one of them
    runs it again and again, unguarded; else as it was."""
    if not fate.overwrites or fate.keeper is not Keeper.GLOBAL or fate.kind not in _STORES:
        return fate
    target = (path, question.owner)
    holder = index.resolve_name(path, question.name)
    for caller_path, call in index.repeated.get(question.owner.rsplit(".", 1)[-1], []):
        if caller_path == path or index.resolve_callee(caller_path, call.callee,
                                                       call.caller) != target:
            continue
        if holder is not None and any(index.resolve_name(caller_path, g) == holder
                                      for g in call.guards):
            continue  # the caller refuses a key in flight first
        return replace(fate, kind=FateKind.KEY_OVERWRITTEN, overwrites=False,
                       repeating=question.owner.rsplit(".", 1)[-1],
                       per_item=call.per_item and not fate.some_items,
                       evidence=f"{call.often}, in {short(caller_path)}")
    return fate
