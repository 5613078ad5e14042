"""A task passed straight to a call (`self._detach(ensure_future(...))`): what the callee does.

The callee is followed when this module defines it (`handoffs.receiving_parameter`): its
parameter's reads say whether it ends the task, keeps it (stores it, puts it in a collection,
hands it on or returns it), or neither, when the task is dropped as the call returns: a
done-callback it adds keeps nothing (the event loop holds a task only weakly). A callee this
module does not define is not followed, and no claim is made about the task's end.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from taskleak.analysis.facts.fates import Fate, FateKind, Hand, Keeper
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.coroutine_callbacks import CallsBack
from taskleak.analysis.obligations.coroutines import loop_words
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.handoffs import received_field, receiving_parameter
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.lifetimes import closure_joined
from taskleak.analysis.obligations.made_objects import object_kept
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.registrations import (
    NOT_FOLLOWED,
    UNKNOWN,
    registration_chain,
)
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import last_name
from taskleak.analysis.tree.scopes import Scope
from taskleak.analysis.tree.vocabulary import CALLED_BACK_LATER


def passed_fate(ownership: Ownership, sp: Spawn, make: Callable[..., Fate],
                stored: Callable[[Spawn, Holder, Effects], Fate | None]) -> Fate:
    """`make`: the classifier's fate maker (how often the spawn runs, where); `stored`: its
    fate of a local stored where it is kept, given the local and what is done with it (the
    callee's parameter is followed to where it stores the task, as a local's read is)."""
    d = sp.site.dest
    coro = sp.shown
    if d.call is not None and id(d.call) in ownership.assumed:  # `foreign_handoffs.py`
        return make(FateKind.HANDED_AND_DROPPED, sp, callee=d.callee)
    received = receiving_parameter(d.call, d.arg, sp.site.scope) \
        if d.call is not None and d.arg is not None else None
    field = received_field(d.call, d.arg, sp.site.scope, ownership.resolver) \
        if received is None and d.call is not None and d.arg is not None else None
    if (field is not None or (received is not None and received[0].name == "__init__")) \
            and d.call is not None and not object_kept(d.call, sp.site.scope,
                                                       ownership.holder_for, ownership.effects):
        received = field = None  # the object, with the task, is handed on: not followed
    if field is not None:  # `Handle(task=spawn(...))`: kept in the object's field
        kept_in = Effects()
        kept_in.stores.append((cst.Name(field[1]), field[0]))
        found = stored(sp, Holder(Keeper.LOCAL, "", "", sp.site.scope), kept_in)
        if found is not None:
            return found
    if received is None:
        return Fate(FateKind.PASSED, coro, callee=d.callee)
    eff = received_effects(ownership, *received, threadsafe=sp.threadsafe)
    if eff.cleanup:
        return Fate(FateKind.PASSED, coro, callee=d.callee, **eff.end_fields())
    kept = stored(sp, Holder(Keeper.LOCAL, received[1], received[1], received[0]), eff) \
        if eff.stores else None
    if kept is not None:
        return kept
    if eff.stores or eff.collections or eff.key_collections or eff.weak:
        return Fate(FateKind.PASSED, coro, callee=d.callee, hand=Hand.KEPT, handed="kept")
    if eff.handed:  # given back to this call ("returned") or on to another one: not followed
        return Fate(FateKind.PASSED, coro, callee=d.callee, **eff.handed[0].fields())
    return make(FateKind.HANDED_AND_DROPPED, sp, callee=d.callee)


def received_effects(ownership: Ownership, fn: Scope, param: str, threadsafe: bool = False
                     ) -> Effects:
    """What function `fn` does with what its parameter `param` receives."""
    eff = ownership.effects(Holder(Keeper.LOCAL, param, param, fn))
    if not threadsafe:
        # an asyncio Task's `.result()` read by the callee (in a done-callback, under a
        # `done()` check) ends nothing: it is read once the task is done, not to end it
        eff = eff.without_result_reads().copy()
        eff.results = []
    return eff


def called_back_fate(sp: Spawn, make: Callable[..., Fate], resolver: Resolver) -> Fate:
    """A spawn in a callback handed to a call (`Flow.LAMBDA`): the body of a lambda, or the
    spawn function itself (`loop.call_later(1, loop.create_task, coro)`). A call that calls it
    back later and ignores what it returns (`vocabulary.CALLED_BACK_LATER`: `call_soon`,
    `add_signal_handler` ...) drops the Task; so does an unknown callback registration, a
    lambda handed to a call that is no function of the project and whose value is dropped
    (`registrations.py`; one the project must say it defines is asked); any other call is not
    followed."""
    d = sp.site.dest
    if sp.run_by_ioloop is not None:  # `io_loop.add_callback(self.run)`: it runs
        joined = closure_joined(sp.site, sp.unawaited)
        endless = "" if joined else loop_words(sp)
        if joined:
            kind = FateKind.RUN_AND_JOINED
        elif endless:  # kept until done, and it is never done: nothing can cancel it
            return make(FateKind.ENDLESS_RUN_BY_IOLOOP, sp, holder=sp.unawaited,
                        callee=d.callee, loop=endless)
        elif sp.run_by_ioloop is CallsBack.AND_RUNS:
            kind = FateKind.RUN_BY_IOLOOP
        else:
            kind = FateKind.FUTURE_RUN_BY_IOLOOP
        return make(kind, sp, holder=sp.unawaited, callee=d.callee, cleanup=joined)
    if sp.unawaited:  # `loop.call_later(5, self.expire)`, `async def expire`
        return make(FateKind.NEVER_AWAITED, sp, holder=sp.unawaited, callee=d.callee,
                    handed="a coroutine" if sp.coroutine_object else "")
    if d.call is None or last_name(d.call.func) not in CALLED_BACK_LATER:
        chain = registration_chain(sp, resolver) if not sp.site.via else NOT_FOLLOWED
        if chain == UNKNOWN:
            return make(FateKind.RETURNED_FROM_LAMBDA, sp, callee=d.callee, registered=True)
        return make(FateKind.LAMBDA_HANDED, sp, callee=d.callee, registered=bool(chain))
    if sp.site.via and sp.returned_by:  # `loop.call_soon(self.start, coro)`, a helper of ours
        return make(FateKind.DROPPED_RETURN, sp, callee=sp.returned_by, handed=f"{d.callee}()")
    return make(FateKind.CALLED_BACK if sp.site.via else FateKind.RETURNED_FROM_LAMBDA, sp,
                callee=d.callee)


def returned_to_caller(sp: Spawn, ownership: Ownership) -> bool:
    """The task goes back to the caller: `return spawn(...)`, or a local that is returned
    (`task = spawn(...); ...; return task`)."""
    d = sp.site.dest
    if d.kind is Flow.RETURNED:
        return True
    if d.kind is not Flow.BOUND:
        return False
    for target in d.targets:
        holder = ownership.holder_for(target, sp.site.scope) \
            if isinstance(target, cst.Name) else None
        if holder is not None and holder.kind is Keeper.LOCAL \
                and any(h.how is Hand.RETURNED for h in ownership.effects(holder).handed):
            return True
    return False
