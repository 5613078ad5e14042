"""One module per fix kind (like pyupgrade's plugins), each with its `KIND` and its `offer`.

A rule lists the kinds it offers (`Rule.fix_kinds`); `OFFERS` finds the module that builds each.
"""

from __future__ import annotations

from collections.abc import Callable

from taskleak.analysis.obligations.spawns import Spawn
from taskleak.fixes.context import FixContext
from taskleak.fixes.kinds import (
    await_fix,
    cancel_in_close,
    cancel_previous,
    discard_callback,
    task_group,
    tracked_set,
)
from taskleak.fixes.plan import NoFix, Offer
from taskleak.rules import FixKind, Verdict

OfferFn = Callable[[FixContext, Spawn, Verdict], "Offer | NoFix"]

OFFERS: dict[FixKind, OfferFn] = {
    module.KIND: module.offer
    for module in (tracked_set, task_group, await_fix, cancel_previous, cancel_in_close,
                   discard_callback)
}
