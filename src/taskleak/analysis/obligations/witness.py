"""The witness of a kept task that nothing ends: the resolved facts a finding states, so its
reader can check them ("none of its 2 reads in class Worker (start(), close()) awaits, cancels
or gathers it; _watch() receives it and does not end it")."""

from __future__ import annotations

from taskleak.analysis.facts.fates import Keeper, listed
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.holders import Holder, where


def no_end_witness(holder: Holder, eff: Effects) -> str:
    """Why nothing here ends what `holder` keeps, as resolved facts: "none of its 2 reads
    in class Worker (start(), close()) awaits, cancels or gathers it; _watch() receives it
    and does not end it"."""
    owner = f"class {holder.scope.name}" if holder.kind is Keeper.ATTRIBUTE \
        else "this module"
    own = {id(o) for o in (*eff.own_cancels, *eff.finaliser_ends)}
    read = [o for o in eff.occurrences if id(o) not in own]
    places = list(dict.fromkeys(where(o.scope) for o in read))
    n = len(read)
    if not n:
        text = f"nothing in {owner} reads it again"
    else:
        shown = ", ".join(places[:3]) + (", …" if len(places) > 3 else "")
        reads = "its read" if n == 1 else f"none of its {n} reads"
        verb = "neither awaits, cancels nor gathers it" if n == 1 \
            else "awaits, cancels or gathers it"
        text = f"{reads} in {owner} ({shown}) {verb}"
    followed = list(dict.fromkeys(eff.followed))
    itself = list(dict.fromkeys(where(o.scope) for o in eff.own_cancels))
    if itself:  # `lifetimes.without_its_own_cancels`
        followed.insert(0, f"only the task itself cancels it, in its own coroutine "
                           f"{listed(itself)}, as it finishes (a failure skips that)")
    return "; ".join([text, *followed[:2]])
