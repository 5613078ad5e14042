"""Which fix applies to a finding, or why none does (the `fix` object of a report row).

Each rule has its fix kinds, preferred first. A finding's `fix` is its preferred safe fix, or its
unsafe one when that is all there is; a fix is only offered when it can actually be built here
(names, imports and the place to insert are all found), so the report never promises a fix that
`taskleak fix` would then refuse for a reason it could have known.
"""

from __future__ import annotations

from collections.abc import Callable

from taskleak.analysis.classify import Verdict
from taskleak.analysis.spawns import Spawn
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Conflict, Edits
from taskleak.fixes.kinds import (
    await_fix,
    cancel_in_close,
    cancel_previous,
    discard_callback,
    tracked_set,
)
from taskleak.fixes.plan import NoFix, Offer
from taskleak.model import FixInfo, Risk

OfferFn = Callable[[FixContext, Spawn, Verdict], "Offer | NoFix | None"]

KINDS_BY_RULE: dict[str, tuple[OfferFn, ...]] = {
    "TL101": (tracked_set.offer, await_fix.offer),
    "TL102": (tracked_set.offer, await_fix.offer),
    "TL103": (cancel_previous.offer,),
    "TL201": (cancel_in_close.offer,),
    "TL202": (discard_callback.offer,),
}
NO_FIX_KNOWN = "taskleak has no automatic fix for this pattern"


def offers(ctx: FixContext, sp: Spawn, verdict: Verdict) -> tuple[list[Offer], list[str]]:
    """Every fix that can be built for this spawn (preferred first), and why others cannot."""
    found: list[Offer] = []
    reasons: list[str] = []
    if verdict.risk is Risk.LOW or sp.structured:
        return found, reasons
    for make in KINDS_BY_RULE.get(verdict.rule, ()):
        try:
            result = make(ctx, sp, verdict)
            if isinstance(result, Offer):
                result.build(Edits(ctx.module))  # a dry run: can it be built here?
        except Conflict as exc:
            result = NoFix(str(exc))
        if isinstance(result, Offer):
            found.append(result)
        elif isinstance(result, NoFix):
            reasons.append(result.reason)
    return found, reasons


def choose(found: list[Offer], allow_unsafe: bool) -> Offer | None:
    """The fix to apply: the first safe one; with unsafe fixes allowed, the await fix first
    (the seeds' fix "A", simpler than a set where the caller can wait), else the first one."""
    if allow_unsafe:
        awaiting = next((o for o in found if o.kind == await_fix.KIND), None)
        return awaiting or (found[0] if found else None)
    return next((o for o in found if o.safe), None)


def not_applied_reason(found: list[Offer], reasons: list[str]) -> str:
    unsafe = next((o for o in found if not o.safe), None)
    if unsafe is not None:
        why = f" (no safe fix: {reasons[0]})" if reasons else ""
        return (f"only an unsafe fix ({unsafe.kind}: {unsafe.description}); use --unsafe-fixes"
                + why)
    return reasons[0] if reasons else NO_FIX_KNOWN


def advise(ctx: FixContext, sp: Spawn, verdict: Verdict) -> tuple[FixInfo | None, str | None]:
    """(fix, None), or (None, why there is none); (None, None) for low findings."""
    if verdict.risk is Risk.LOW or sp.structured:
        return None, None
    found, reasons = offers(ctx, sp, verdict)
    if not found:
        return None, reasons[0] if reasons else NO_FIX_KNOWN
    main = next((o for o in found if o.safe), found[0])
    description = main.description
    alternative = next((o for o in found if o is not main and not o.safe), None)
    if alternative is not None and main.safe:
        description += f" (unsafe alternative: {alternative.description})"
    return FixInfo(main.kind, main.safe, description), None
