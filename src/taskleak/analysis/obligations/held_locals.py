"""A task in a local of a function that does not return while it runs (`lifetimes.held_while`):
is it held, and are its errors seen?

- Held, but only the last of the tasks a loop binds to the local on each turn: each turn lets
  the one before go (ari-client's per-event handler tasks), so those are dropped (LOCAL_ONLY).
- Held, its outcome read by a done-callback of this module (`closing.outcome_reader`): kept
  and ended (LOCAL_CLEANED, low).
- Held, nothing reading its outcome (HELD_WHILE_RUNNING); with a done-callback of another
  module, its chain, which the project join asks whether it reads the outcome
  (`QuestionKind.CALLBACK_READS`, `project/done_callbacks.py`): the same row wherever the
  callback lives.
"""

from __future__ import annotations

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.closing import callback_chain, read_by_callback
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.lifetimes import rebound_each_turn
from taskleak.analysis.obligations.race_fates import MakeFate
from taskleak.analysis.obligations.spawns import Spawn


def held_fate(sp: Spawn, holder: Holder, eff: Effects, held: str, make: MakeFate,
              resolver: Resolver) -> Fate:
    """The fate of a task in the local `holder` while `held` ("serve() runs a `while` loop that
    never ends") keeps its function running (see the module docstring)."""
    if rebound_each_turn(holder.scope, sp.site):
        return make(FateKind.LOCAL_ONLY, sp, holder, holder=holder.key, held=held)
    seen = read_by_callback(eff)
    if seen:
        return make(FateKind.LOCAL_CLEANED, sp, holder, holder=holder.key,
                    cleanup=f"held while {held}; {seen}")
    return make(FateKind.HELD_WHILE_RUNNING, sp, holder, holder=holder.key, held=held,
                callback=callback_chain(eff, resolver))
