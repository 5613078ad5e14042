"""TL201's words for an end a way out skips or its owner never reaches: what the message and
the evidence claim, built from the fate's facts (`FateKind.END_SKIPPED`, `END_NOT_REACHED`)."""

from __future__ import annotations

from taskleak.analysis.facts.fates import Fate, FateKind, Keeper
from taskleak.rules.base import Description

# around the step (`skippable_ends.py`): a handler that misses what the step raises ends nothing
_UNCAUGHT = "no `finally`, nor an `except` that catches what that step raises, ends it"
_HANDLED = " and in `except` handlers that catch no cancellation"
_HANDLED_CANCEL = " and in `except` handlers that catch a cancellation but not every error"


def end_skipped(fate: Fate) -> Description:
    """A local, attribute, collection ("collection x") or object's attribute its function ends
    or hands on, running until cancelled, ended only on the normal way out past a step that can
    fail; or held by a local until that step, then stored or handed (`stored_in`) to its end."""
    collection = fate.skipped_kind is FateKind.COLLECTION_CLEANED
    shown = fate.holder if collection else f"`{fate.holder}`"
    held = shown if collection or fate.keeper is Keeper.ATTRIBUTE else f"local {shown}"
    if fate.stored_in and fate.keeper is Keeper.LOCAL:  # handed on only after the step
        return Description(f"local `{fate.holder}`, {fate.stored_in}",
                           "skipped on the other ways out",
                           f"{fate.coroutine} is left running if {fate.function}() "
                           f"{fate.skipped_by} before it is {fate.stored_in}",
                           evidence=(*looping(fate), f"{fate.stored_in} (then {fate.cleanup}) "
                                     f"only on the normal way out: {_UNCAUGHT}"))
    if fate.keeper is Keeper.DOTTED:  # on an object the function makes, before it hands it on
        made = fate.holder.partition(".")[0]
        return Description(f"`{fate.holder}`, {fate.cleanup}", "skipped on the other ways out",
                           f"{fate.coroutine} is left running if {fate.function}() "
                           f"{fate.skipped_by} before it hands `{made}` on",
                           evidence=(*looping(fate), f"`{made}` holds it (then {fate.cleanup})"
                                     f" but is handed on only on the normal way out: {_UNCAUGHT}"))
    if fate.stored_in:  # held by a local until the step, then stored where it is ended
        return Description(f"`{fate.stored_in}`, {fate.cleanup}", "skipped on the other ways out",
                           f"{fate.coroutine} is left running if {fate.function}() "
                           f"{fate.skipped_by} before it keeps it in {fate.stored_in}",
                           evidence=(*looping(fate), f"kept in `{fate.stored_in}` (then "
                                     f"{fate.cleanup}) only on the normal way out: {_UNCAUGHT}"))
    on, why = "the normal way out", (
        f"kept in {shown} and {fate.cleanup} only on the normal way out"
        f"{_HANDLED * fate.handled}{_HANDLED_CANCEL * fate.handled_cancel}: {_UNCAUGHT}")
    if fate.skipped:  # a way out that misses the end (`skippable_ends.ended_on_some_ways`)
        on, why = "some ways out", f"a `return` of {fate.function}() leaves before it is " \
            f"{fate.skipped}"
    elif fate.only_on_error:
        on, why = "some ways out", f"it is {fate.cleanup} only in an `except` handler"
    return Description(f"{held}, {fate.cleanup} on {on}", "skipped on the other ways out",
                       f"{fate.coroutine} is left running if {fate.function}() {fate.skipped_by}",
                       evidence=(*looping(fate), why))


def end_not_reached(fate: Fate) -> Description:
    """An attribute ended only in close-like methods of its class that an owner's close (or an
    owner with none) never calls, or only before storing the next task there."""
    if fate.replaced_only:
        return Description(fate.holder, f"{fate.cleanup}, only to replace it",
                           f"{fate.holder} is ended only before a new task replaces it: "
                           "nothing ends the last one",
                           evidence=(*looping(fate), f"ended by {fate.replaced_only}"))
    if fate.skipped_by:  # (`owner_paths._ended_past_a_step`: the owner's call of the end)
        return Description(fate.holder, f"{fate.cleanup}, only on its owner's normal way out",
                           f"{fate.holder} is {fate.cleanup}, which {fate.unreached} calls only "
                           "on its normal way out",
                           evidence=(*looping(fate), f"the call is skipped if that function "
                                     f"{fate.skipped_by}: {_UNCAUGHT}"))
    whose = "its owner" if fate.owner_without_close else "its owner's close"
    claim = f"{fate.holder} is {fate.cleanup}, which {whose} never calls"
    if fate.per_key:  # (`per_key_ends.py`: each end takes one entry, by its caller's key)
        claim = (f"each task in {fate.holder} is ended only for its own key ({fate.cleanup}), "
                 f"which {whose} never does for the tasks still there")
    how = "one key at a time" if fate.per_key else "never reached"
    return Description(fate.holder, f"{fate.cleanup}, {how}", claim,
                       evidence=(*looping(fate), f"never called by {fate.unreached}"))


def looping(fate: Fate) -> tuple[str, ...]:
    """Why the task runs until something ends it: its loop, or its re-spawn of itself."""
    if fate.loop:
        return (f"{fate.coroutine} {fate.loop}",)
    if fate.reschedules:
        return (f"{fate.coroutine} spawns itself again when it is done, with no shutdown path",)
    return ()
