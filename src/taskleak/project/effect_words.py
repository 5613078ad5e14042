"""The words the join writes for another module's ends of a task: where, by what."""

from __future__ import annotations

from taskleak.analysis.facts.fates import listed
from taskleak.analysis.facts.interface import Effect, EffectKind, End

VERBS = {EffectKind.AWAIT: "awaited", EffectKind.GATHER: "gathered",
         EffectKind.CANCEL: "cancelled", EffectKind.PRUNE: "pruned",
         EffectKind.OUTCOME: "its outcome read by a done-callback",
         EffectKind.RESULT: "its result read",
         EffectKind.RESULT_IF_DONE: "awaited (a blocking .result())"}
# the end each effect is, as a fact (`Fate.ends`, `FunctionFacts.ends`)
ENDS = {EffectKind.AWAIT: End.AWAITED, EffectKind.GATHER: End.GATHERED,
        EffectKind.CANCEL: End.CANCELLED, EffectKind.PRUNE: End.PRUNED,
        EffectKind.OUTCOME: End.OTHER, EffectKind.RESULT: End.RESULT_READ,
        EffectKind.RESULT_IF_DONE: End.AWAITED}


def short(path: str) -> str:
    """A module as messages name it: its file and folder (`forked_daapd/__init__.py`)."""
    return "/".join(path.split("/")[-2:])


def cleanup_text(found: list[tuple[str, Effect]]) -> str:
    """`cancelled in async_unload_entry(), in forked_daapd/__init__.py and 2 other places`."""
    places = list(dict.fromkeys(f"{VERBS[e.kind]} in {e.where}, in {short(path)}"
                                for path, e in found))
    return listed(places, most=2)
