"""A store over a live task in a module-level collection, reached again from another module
(`QuestionKind.CALLED_OFTEN`).

Its module exports the store (`Fate.overwrites`: `_in_flight[app] = ensure_future(...)`, keyed
by a parameter, the entry's task not ended or tested first) when it knows no caller of its own
that runs the function again. The callers that do may be in other modules, and each told the
join how it knows it runs again (`Exports.repeated_calls`: a route's decorator, a handler's
registration, a loop). The store is then an overwrite of a running task (KEY_OVERWRITTEN), as
in one module, unless that caller tests first that the same collection (resolved where each
binds it) holds nothing for the key (`RepeatedCall.guards`).

A caller whose own module does not know it runs again is followed in turn, a few calls deep:
the handler a third module registers (`bus.subscribe("message", on_message)`) that calls the
store's function runs it once per message too.
"""

from __future__ import annotations

from dataclasses import replace

from taskleak.analysis.facts.fates import Fate, FateKind, Keeper
from taskleak.analysis.facts.module import Question
from taskleak.project.effect_words import short
from taskleak.project.index import ProjectIndex, Where

# The fates a key store into a module-level dict exports its `overwrites` with
# (`classify.collection_fate`: ended by its module, or by nothing).
_STORES = frozenset({FateKind.COLLECTION_CLEANED, FateKind.COLLECTION_GROWS})
_MAX_DEPTH = 3  # calls between the store's function and the code that runs it again


def called_often(index: ProjectIndex, path: str, fate: Fate, question: Question) -> Fate:
    """`fate` of a store in `question.owner`'s module-level collection `question.name`, once
    other modules' calls of that function are read: overwritten while running when one of them
    runs it again and again, unguarded; else as it was."""
    if not fate.overwrites or fate.keeper is not Keeper.GLOBAL or fate.kind not in _STORES:
        return fate
    holder = index.resolve_name(path, question.name)
    found = _runs_again(index, (path, question.owner), holder)
    if found is None:
        return fate
    per_item, evidence = found
    return replace(fate, kind=FateKind.KEY_OVERWRITTEN, overwrites=False,
                   repeating=question.owner.rsplit(".", 1)[-1],
                   per_item=per_item and not fate.some_items, evidence=evidence)


def _runs_again(index: ProjectIndex, target: Where, holder: Where | None, depth: int = 0
                ) -> tuple[bool, str] | None:
    """(once per item, how we know) when code of another module runs `target` again and
    again: a call there in code that runs per event or per turn, or a registration there
    (`Exports.repeated_calls`), unless that call tests first that `holder` has nothing for the
    key; or a call (anywhere) in a function that runs again so in turn, a few calls deep (a
    handler registered in a third module calls it). None when nothing does."""
    name = target[1].rsplit(".", 1)[-1]
    for caller_path, call in index.repeated.get(name, []):
        if caller_path == target[0] or index.resolve_callee(caller_path, call.callee,
                                                            call.caller) != target:
            continue
        if holder is not None and any(index.resolve_name(caller_path, g) == holder
                                      for g in call.guards):
            continue  # the caller refuses a key in flight first
        return call.per_item, f"{call.often}, in {short(caller_path)}"
    if depth >= _MAX_DEPTH:
        return None
    for caller_path, dropped in index.dropped.get(name, []):
        if dropped.caller == "<module>" or dropped.repeating or index.resolve_callee(
                caller_path, dropped.callee, dropped.caller, dropped.receiver) != target:
            continue  # (a caller that repeats in its own module exported a repeated call)
        found = _runs_again(index, (caller_path, dropped.caller), holder, depth + 1)
        if found is not None:
            caller = dropped.caller.rsplit(".", 1)[-1]
            return found[0], f"called by {caller}() in {short(caller_path)}, {found[1]}"
    return None
