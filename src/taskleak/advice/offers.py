"""Which fix applies to a finding, or why none does: the stage after classification.

Each rule lists its fix kinds, preferred first. A finding's `fix` is its preferred safe fix, or its
unsafe one when that is all there is; a fix is only offered when it can actually be built here
(names, imports and the place to insert are all found), so the report never promises a fix that
`taskleak fix` would then refuse for a reason it could have known.
"""

from __future__ import annotations

from pathlib import Path

from taskleak.advice.returned import AWAITED_HELPER_NO_FIX, HELPER_DROPS_NO_FIX
from taskleak.analysis.analyse import ModuleAnalysis
from taskleak.analysis.facts.interface import Promise
from taskleak.analysis.facts.module import ModuleFacts
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.nodes import callee_text
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Conflict
from taskleak.fixes.kinds import OFFERS
from taskleak.fixes.package_helper import package_helper
from taskleak.fixes.plan import NoFix, Offer
from taskleak.fixes.policy import FixStyle
from taskleak.fixes.policy import needs_fix as policy_needs_fix
from taskleak.model import FixInfo
from taskleak.rules import FixKind, Verdict, judge

NO_FIX_KNOWN = "taskleak has no automatic fix for this pattern"
DROPS_LINES = ("libcst does not write this file back as it was (a line holding only a "
               "backslash, a form feed before a statement ...): taskleak does not fix it")

NEVER_AWAITED_NO_FIX = ("no task exists to keep: call back a plain function that spawns the "
                        "coroutine and keeps its task")
IOLOOP_RUNS_NO_FIX = ("the IOLoop starts the coroutine where no code of the project can keep "
                      "what it gives: call back a plain function that starts it and keeps that")


def needs_fix(verdict: Verdict, sp: Spawn) -> bool:
    """Low findings and structured spawns are never fixed (the fix policy's rule)."""
    return policy_needs_fix(verdict.risk, sp.structured)


# libcst writes a module back recursively: under Python's default recursion limit its code
# generation fails from a depth of 288 (calls nested in calls), 333 (a long sum) or 334 (an
# attribute chain). `fix` would refuse such a file ("too deeply nested to fix"); past this depth
# neither `check` offers nor `fix` tries a fix, so the two agree.
FIX_DEPTH = 250
TOO_DEEP_TO_FIX = "too deeply nested to fix"


def offers(ctx: FixContext, sp: Spawn, verdict: Verdict) -> tuple[list[Offer], list[str]]:
    """Every fix that can be built for this spawn (preferred first), and why others cannot."""
    found: list[Offer] = []
    reasons: list[str] = []
    if not needs_fix(verdict, sp):
        return found, reasons
    if sp.helper is not None and sp.helper.promise is Promise.DROPS:
        return found, [HELPER_DROPS_NO_FIX]  # the call gives no task to keep
    if sp.helper is not None and sp.helper.awaited:
        return found, [AWAITED_HELPER_NO_FIX]
    if ctx.analysis.root.deepest > FIX_DEPTH:
        return found, [TOO_DEEP_TO_FIX]
    if ctx.rewrites_more:  # what `fix` would write is not the user's file with one fix in it
        return found, [DROPS_LINES]
    if sp.run_by_ioloop is not None:  # `io_loop.add_callback(self.send)`, a `@gen.coroutine`
        return found, [IOLOOP_RUNS_NO_FIX]
    if sp.unawaited:  # `loop.call_later(5, self.expire)`: no task exists to keep
        return found, [NEVER_AWAITED_NO_FIX]
    if sp.site.via:  # `context.run(loop.create_task, coro)`: the rewrites expect a plain call
        return found, [f"the spawn goes through {callee_text(sp.site.node.func)}(); "
                       "taskleak fixes only direct calls"]
    for kind in verdict.rule.fix_kinds:
        try:
            result = OFFERS[kind](ctx, sp, verdict)
            if isinstance(result, Offer):
                result.build(ctx.new_edits())  # a dry run: can it be built here?
        except Conflict as exc:
            result = NoFix(str(exc))
        if isinstance(result, Offer):
            found.append(result)
        else:
            reasons.append(result.reason)
    return found, reasons


UNSAFE_PREFERRED = (FixKind.TASK_GROUP, FixKind.AWAIT)


def choose(found: list[Offer], allow_unsafe: bool) -> Offer | None:
    """The fix to apply: the first safe one; with unsafe fixes allowed, moving the spawn into
    its task group (the group then owns it), else the await fix (the seeds' fix "A", simpler
    than a set where the caller can wait), else the first one."""
    if allow_unsafe:
        for kind in UNSAFE_PREFERRED:
            preferred = next((o for o in found if o.kind is kind), None)
            if preferred is not None:
                return preferred
        return found[0] if found else None
    return next((o for o in found if o.safe), None)


def not_applied_reason(found: list[Offer], reasons: list[str]) -> str:
    unsafe = next((o for o in found if not o.safe), None)
    if unsafe is not None:
        why = f" (no safe fix: {reasons[0]})" if reasons else ""
        return (f"only an unsafe fix ({unsafe.kind.value}: {unsafe.description}); use "
                f"--unsafe-fixes{why}")
    return reasons[0] if reasons else NO_FIX_KNOWN


def advise(ctx: FixContext, sp: Spawn, verdict: Verdict) -> tuple[FixInfo | None, str | None]:
    """(fix, None), or (None, why there is none); (None, None) for low findings."""
    if not needs_fix(verdict, sp):
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


def advice_style(display: str | None) -> FixStyle:
    """How `taskleak fix` would write fixes for the file at `display`, as far as the advice's
    words go: through the package's keep_task() (`fixes.package_helper`, its default module)
    inside a package, so `fix.description` names what the fix writes."""
    helper = package_helper(Path(display).resolve()) if display else None
    if helper is None:
        return FixStyle()
    return FixStyle(keep_helper=helper.function, package_helper=True)


def advise_module(analysis: ModuleAnalysis, facts: ModuleFacts,
                  display: str | None = None) -> ModuleFacts:
    """The module's facts with the fix advice for each spawn's finding (as the module alone
    judges it: the rule it gets is recorded beside the advice); `display`: the file's path,
    for the words of a fix through the package's keep-helper (`advice_style`)."""
    ctx: FixContext | None = None
    spawns = []
    for sp, sf in zip(analysis.spawns, facts.spawns, strict=True):
        verdict = judge(sf.fates)
        if needs_fix(verdict, sp):
            ctx = ctx or FixContext(analysis, advice_style(display))
            fix, reason = advise(ctx, sp, verdict)
            sf = sf.with_advice(verdict.code, fix, reason)
        spawns.append(sf)
    return ModuleFacts(tuple(spawns), facts.exports)
