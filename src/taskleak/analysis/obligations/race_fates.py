"""The fates of tasks waited in races: a wait that can leave what it waits for running
(`waits.py`; a thread's blocking `fut.result(timeout)`: `timed_result`), and what ends them
anyway (a cancel after the wait, the runner of the coroutine)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import libcst as cst

from taskleak.analysis.facts.fates import Fate, FateKind, Hand, Handoff, Keeper, ended_after_a_race
from taskleak.analysis.obligations.coroutines import (
    coroutine_chain,
    loop_words,
    runs_until_cancelled,
    spawned_function,
)
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.obligations.generator_exits import leaves_early, left_at_a_yield, yields_in
from taskleak.analysis.obligations.handoffs import receiving_parameter
from taskleak.analysis.obligations.holders import Holder, where
from taskleak.analysis.obligations.lifetimes import (
    cancelled_on_return,
    left_for_good,
    owner_stop,
)
from taskleak.analysis.obligations.loop_stops import loop_ended_after
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.races import (
    Race,
    before_the_spawn,
    pending_kept_in,
    pending_target,
    race_of,
)
from taskleak.analysis.obligations.signal_waits import own_event_waited, unsignalled_wait
from taskleak.analysis.obligations.spawns import Spawn, is_coroutine_call
from taskleak.analysis.obligations.waits import (
    cancelled_to_end,
    ended_on_the_normal_way_out_only,
    left_running,
    reached_after,
)
from taskleak.analysis.tree.dests import Dest, Flow, Waited
from taskleak.analysis.tree.nodes import callee_text
from taskleak.analysis.tree.scopes import Occurrence, Scope
from taskleak.analysis.tree.vocabulary import SHIELD

# how a consumer can leave a generator before the end of a task it holds (`Fate.skipped_by`)
_STOPPED_AT_A_YIELD = "is stopped at a `yield` by its consumer"

MakeFate = Callable[..., Fate]  # `Classifier._fate`: a fate with what every rule may say


class RaceFates:
    """`make` (the classifier's fate maker) is passed to each call, not kept: keeping a bound
    method of the classifier would make a reference cycle that outlives the file's analysis."""

    def __init__(self, ownership: Ownership) -> None:
        self.ownership = ownership

    def passed_to_a_race(self, sp: Spawn, make: MakeFate) -> Fate | None:
        """`wait([spawn(a()), ...], return_when=FIRST_COMPLETED)`: left running, unless ended;
        `run_coroutine_threadsafe(...).result(timeout)`: left running at the timeout."""
        site = sp.site
        if site.dest.kind is Flow.AWAITED:
            race = timed_result(site.dest, site.path, site.seq, site.scope) \
                if sp.threadsafe else None
            label = "not kept"
        else:
            race = race_of(site.path, site.seq, site.scope, self.ownership.resolver)
            if race is None and sp.wrapper == SHIELD and site.node.args \
                    and is_coroutine_call(site.node.args[0].value, site.scope,
                                              self.ownership.resolver):
                # `wait_for(shield(work()), t)`: the shield's own task is the work it protects,
                # left running when the timeout cancels the shield
                race = race_of((*site.path, site.node), site.seq, site.scope,
                               self.ownership.resolver)
            label = f"passed to {site.dest.callee}()"
        if race is None:
            return None
        pending = self.pending(race)
        ends = pending.cancel_reads + pending.await_reads
        left, after = left_running(race, ends, site.path), _after_it(race, ends)
        if left is None and ended_on_the_normal_way_out_only(race, ends):
            for_good = _left_for_good(race)  # else RUBRIC convention 2: low, and said
            left, after = (for_good, "") if for_good is not None else (race, after)
        if left is None:
            return None
        handed = next((o for o in pending.handed_reads if reached_after(race, o)), None)
        if handed is not None:
            return self._handed(sp, None, label, handed, race, make)
        return self._left(sp, None, label, left, make, after)

    def _cancelled_by_others(self, race: Race, races: list[tuple[Occurrence, Race | None]]
                             ) -> list[Occurrence]:
        """What the other races of a kept holder cancel of what they leave: a shutdown's
        `wait`, then `for t in pending: t.cancel()`, ends what an earlier wait left running."""
        return [c for _, other in races if other is not None and other is not race
                for c in self.pending(other).cancel_reads]

    def left_running(self, sp: Spawn, holder: Holder, label: str, eff: Effects,
                     make: MakeFate, collection: bool = False) -> Fate | None:
        """The task is waited in a race that leaves it running, and nothing cancels it then.
        Handed after the wait to a function this module cannot follow (`cancel_and_wait(*tasks)`
        of another module), it is said to be handed there, with no claim about its end."""
        races = [(occ, race_of(occ.path, occ.seq, occ.scope, self.ownership.resolver))
                 for occ in eff.gather_reads]
        # a wait that cannot give up on it (`await shield(t)`, no timeout) ends it like an await
        ends = eff.cancel_reads + [o for o, race in races if race is None]
        for occ in eff.await_reads:
            timed = timed_result(occ.dest, occ.path, occ.seq, occ.scope) \
                if sp.threadsafe else None
            if timed is None:
                ends.append(occ)
            else:  # `fut.result(timeout)`: a wait that gives up on it, not an end
                races.append((occ, timed))
        normal: tuple[Race, str] | None = None  # RUBRIC convention 2, unless a loss applies
        kept_in = holder.key if collection and holder.kind is not Keeper.LOCAL else ""
        for _, race in races:
            if race is None or (kept_in and pending_kept_in(race, kept_in)):
                continue  # (what it leaves running, its owner's set keeps: `done, self._t =`)
            method = race.scope.method()
            if holder.kind is not Keeper.LOCAL and any(o.scope.method() is not method for o in (
                    *ends, *self._cancelled_by_others(race, races))):
                continue  # its owner cancels or waits for it elsewhere (on shutdown, join())
            if any(sp.site.seq < a.seq < race.seq and a.scope.method() is method
                   for a in eff.await_reads) or (not collection and before_the_spawn(
                       race, sp.site, holder.key if holder.kind is Keeper.LOCAL else None)):
                continue  # awaited before it (a local reused later), or it never sees this task
            pending = self.pending(race)
            all_ends = ends + pending.cancel_reads + pending.await_reads
            left = left_running(race, all_ends, sp.site.path)
            after = _after_it(left, all_ends) if left is not None else ""
            if left is None and ended_on_the_normal_way_out_only(race, all_ends):
                left = _left_for_good(race)  # (said by the race: no normal way out to name)
                if left is None:
                    normal = normal or (race, _after_it(race, all_ends))
                else:  # RUBRIC convention 4: the cancel that ends its function skips the end
                    after = _after_it(left, all_ends)
                    left = replace(left, timeout=race.timeout)
            if left is None:
                continue
            handed = next((o for o in [*eff.handed_reads, *pending.handed_reads]
                           if reached_after(race, o)), None)
            caller = self._at_the_call(race, holder, eff) if handed is None else None
            if caller is not None:  # the race is in a function the task was handed to
                if left_running(caller, ends, sp.site.path) is None:
                    continue  # ended by the caller once the function returns
                race, left = caller, replace(left, call=caller.call)
                handed = next((o for o in eff.handed_reads if reached_after(race, o)), None)
            if handed is not None:
                return self._handed(sp, holder, label, handed, race, make, collection)
            return self._left(sp, holder, label, left, make, after, collection)
        generator = left_at_a_yield(sp.site, eff, self.ownership.resolver) \
            if holder.kind is Keeper.LOCAL else ""
        if generator:  # its consumer can stop the generator before it ends the task
            return _left_at_a_yield(sp, holder, label, eff, generator, make)
        if normal is not None:  # no other loss: ended on the normal way out only
            return self._left(sp, holder, label, normal[0], make, normal[1], collection)
        return None

    def iterated(self, sp: Spawn, make: MakeFate) -> Fate:
        """`for f in asyncio.as_completed(coros)`: the loop awaits the tasks one by one, unless
        it can stop early, at a `break`/`return` or at a `yield` of its generator; nothing else
        can reach the tasks to end them then."""
        site = sp.site
        loop = next((n for n in reversed(site.path) if isinstance(n, cst.For)
                     and n.iter is site.node), None)
        how = f"awaited one by one by the `for` loop in {where(site.scope)}"
        generator = yields_in(loop, site.scope) if loop is not None else ""
        if generator:
            return make(FateKind.LEFT_AT_YIELD, sp, holder=f"the iterator of {sp.wrapper}()",
                        cleanup=how, callee=generator)
        if loop is not None and leaves_early(loop.body):
            return make(FateKind.LEFT_RUNNING, sp, holder=f"the iterator of {sp.wrapper}()",
                        callee=f"the `for` loop over {sp.wrapper}() in {where(site.scope)}",
                        left="a `break` or a `return` can leave that loop with the rest still "
                        "running")
        if loop is not None and cancelled_to_end(site.path):  # each await can be the last
            if left_for_good(site):  # ... and what it leaves never ends (convention 4)
                return make(FateKind.LEFT_RUNNING, sp, holder=f"the iterator of {sp.wrapper}()",
                            callee=f"the `for` loop over {sp.wrapper}() in {where(site.scope)}",
                            left=_LOOPS_UNTIL_CANCELLED, timeout=True)
            how += (f"; {where(site.scope)} ends only when cancelled, and a cancel while it "
                    "waits leaves the rest running with nothing holding them")
        return Fate(FateKind.GATHERED, sp.shown, callee=sp.wrapper, cleanup=how)

    @staticmethod
    def _at_the_call(race: Race, holder: Holder, eff: Effects) -> Race | None:
        """A race in a function the holder's task is handed to (`await serve(ready, wrap)`,
        whose body waits with FIRST_COMPLETED), as seen at that call: what the caller does
        after it returns ends the task, or hands it on, like a cancel after the wait itself."""
        home = holder.scope.method()
        if race.scope.method() is home:
            return None
        for o in eff.occurrences:
            d = o.dest
            if d.kind is not Flow.PASSED or d.call is None or d.arg is None \
                    or o.scope.method() is not home:
                continue
            at = next((k for k, n in enumerate(o.path) if n is d.call), None)
            received = receiving_parameter(d.call, d.arg, o.scope) if at is not None else None
            if received is not None and at is not None and race.scope.within(received[0]):
                path = o.path[:at + 1]
                # (left running, not left at a timeout: what the join says of the same wait in
                # another module's function, `ParamUse.left_by`, which knows nothing of the
                # task's function)
                return replace(race, call=f"{race.call} in {received[0].name}()", path=path,
                               seq=o.seq, scope=o.scope, at_timeout=False)
        return None

    @staticmethod
    def _handed(sp: Spawn, holder: Holder | None, label: str, handed: Occurrence, race: Race,
                make: MakeFate, collection: bool = False) -> Fate:
        """Handed after the wait (the task, or the `pending` set holding it) to a call this
        module does not follow: said so, and asked of the join (`asked`) when the callee is
        another module's."""
        fields = Handoff(Hand.PASSED, f"passed to {handed.dest.callee}() after {race.call}: "
                         "not followed").fields()
        if holder is None:  # `wait([spawn(a()), ...])`: handed on in the `pending` set
            pending = pending_target(race)
            return make(FateKind.LOCAL_COLLECTION_HANDED, sp, asked=(handed,), **fields,
                        holder=f"collection {pending.value if pending else 'pending'}")
        if holder.kind is not Keeper.LOCAL:
            return make(FateKind.KEPT_HANDED, sp, holder, holder=label, asked=(handed,), **fields)
        if collection:
            return make(FateKind.LOCAL_COLLECTION_HANDED, sp, holder, holder=label,
                        asked=(handed,), **fields)
        return make(FateKind.LOCAL_HANDED, sp, holder, holder=holder.key, asked=(handed,),
                    **fields)

    def _skipped(self, sp: Spawn, holder: Holder, race: Race, after: str, make: MakeFate,
                 collection: bool, endless_here: bool) -> Fate | None:
        """RUBRIC conventions 2 and 4 (issue 69): a local ended only on the normal way out,
        which a cancelled waiter skips: only late, unless it runs until cancelled (a local or
        a local collection alike: `tasks = [spawn(poll(b)) for b in bots]`; `endless_here`:
        its coroutine's loop, read in this module); None for a collection that is only late
        (`_left` words it)."""
        skip = race.skipped_by
        cleanup = f"{after} after {race.call}"
        stopped = owner_stop(sp.site) if endless_here else ""
        # a waiter on its object's event that the owner's close cancels it away from, giving
        # no event: it runs until cancelled too (`signal_waits.py`)
        unsignalled = "" if endless_here else unsignalled_wait(sp.site, self.ownership.resolver)
        if stopped:  # not left for good (`lifetimes.left_for_good`): its owner stops it
            cleanup = f"{cleanup}, and {stopped}"
        elif endless_here or unsignalled:
            return make(FateKind.END_SKIPPED, sp, holder, holder=holder.key, cleanup=cleanup,
                        skipped_by=skip, long_running=True, loop=unsignalled or loop_words(sp))
        if collection:
            return None
        return make(FateKind.LOCAL_CLEANED, sp, holder, holder=holder.key, cleanup=cleanup,
                    skipped_by=skip, waits_on=own_event_waited(sp.site))

    def _left(self, sp: Spawn, holder: Holder | None, label: str, race: Race,
              make: MakeFate, after: str = "", collection: bool = False) -> Fate:
        fn = race.scope.method() or race.scope
        runner = cancelled_on_return(fn, self.ownership.module, self.ownership.resolver)
        skip = ""  # (a local collection's of a coroutine not read here: the join asks its body)
        if after and holder is not None and holder.kind is Keeper.LOCAL:  # RUBRIC conv. 4
            endless_here = runs_until_cancelled(sp.site)
            skipped = self._skipped(sp, holder, race, after, make, collection, endless_here)
            if skipped is not None:
                return skipped
            skip = "" if endless_here else race.skipped_by
        if after and skip:  # (worded by `fates.said_of_the_end`, as the branch below)
            cleanup = f"{after} after {race.call}"
        elif after:  # RUBRIC convention 2: ended on every normal way out, not when cancelled
            cleanup = ended_after_a_race(f"{after} after {race.call}", race.timeout)
        elif runner:  # `asyncio.run(main())`: what main() leaves running is cancelled at its end
            cleanup = (f"left running by {race.call} until {fn.name}() returns, then cancelled "
                       f"by {runner}")
        elif sp.threadsafe and (loop_end := loop_ended_after(sp, race.scope.function() or fn)):
            # a private loop the waiting code stops after the timed wait (`loop_stops.py`)
            cleanup = (f"left running by {race.call} at its timeout, then ended with its loop: "
                       f"{loop_end}")
        else:
            cleanup = ""
        if cleanup:
            if holder is None:  # `wait([spawn(a()), ...])`
                return make(FateKind.GATHERED, sp, callee=sp.site.dest.callee,
                                  cleanup=cleanup)
            if collection:
                return make(FateKind.COLLECTION_CLEANED, sp, holder, holder=label, cleanup=cleanup,
                            skipped_by=skip, callee=race.call if skip else "",
                            timeout=bool(skip) and race.timeout)
            if holder.kind is Keeper.LOCAL:
                return make(FateKind.LOCAL_CLEANED, sp, holder, holder=holder.key,
                                  cleanup=cleanup)
            return make(FateKind.KEPT_CLEANED, sp, holder, holder=label, cleanup=cleanup)
        ended_as = sp.site.dest.callee or "" if holder is None else holder.key \
            if holder.kind is Keeper.LOCAL and not collection else ""
        left = make(FateKind.LEFT_RUNNING, sp, holder, holder=label, ended_as=ended_as,
                    callee=race.call, left=race.left, timeout=race.timeout,
                    exit_only=race.exit_only)
        kept_for_good = collection and holder is not None and holder.kind is not Keeper.LOCAL
        if race.at_timeout and not kept_for_good and not left_for_good(sp.site):
            # RUBRIC convention 7: the timeout is a way out that skips the wait's end (a kept
            # collection's stays: what keeps it past the timeout, unless pruned, keeps it for
            # good)
            return self._left_at_timeout(sp, left)
        return left

    def _left_at_timeout(self, sp: Spawn, left: Fate) -> Fate:
        """What a timed wait leaves of a task whose function is not known here to run until
        cancelled: a function of this module ends by itself (LEFT_AT_TIMEOUT); one of another
        module is asked of the join by its chain (`completed_fates._endless`: LEFT_RUNNING
        again when it never ends by itself). What runs is not followed otherwise (a
        parameter's coroutine, a method of an object nobody typed): what cannot be resolved is
        low, its words saying what was not followed."""
        if sp.unresolved:  # whether it makes a task at all is not known: said first
            return left
        if spawned_function(sp.site, calls_only=False) is not None \
                or coroutine_chain(sp, self.ownership.resolver):
            return replace(left, kind=FateKind.LEFT_AT_TIMEOUT)
        return replace(left, kind=FateKind.LEFT_AT_TIMEOUT,
                       run_unfollowed=f"the function {left.coroutine} runs is not resolved here")

    def pending(self, race: Race, depth: int = 0) -> Effects:
        """What becomes of `pending` of `done, pending = await asyncio.wait(...)`: and of the
        pending set of a wait of that set again (`_, stragglers = await asyncio.wait(pending,
        timeout=t)`, then `for s in stragglers: s.cancel()`), a few waits deep."""
        target = pending_target(race)
        if target is None:
            return Effects()
        eff = self.ownership.effects(Holder(Keeper.LOCAL, target.value, target.value,
                                            race.scope))
        again = [r for o in eff.gather_reads if depth < 2 and o.seq > race.seq
                 and (r := race_of(o.path, o.seq, o.scope, self.ownership.resolver)) is not None
                 and pending_target(r) is not None]
        if not again:
            return eff
        eff = eff.copy()  # (the holder's effects are shared: see Effects.copy)
        for later in again:
            eff.add_ends(self.pending(later, depth + 1))
        return eff


def timed_result(dest: Dest, path: tuple[cst.CSTNode, ...], seq: int, scope: Scope
                 ) -> Race | None:
    """A concurrent Future's blocking `fut.result(timeout)`: at its timeout it raises, and the
    coroutine goes on running in the loop's thread unless a `finally` or an `except` around
    the wait cancels it (`dest`, `path`: the value's `Dest` and the nodes above it); not a read
    under a `done()` check, which waits for nothing."""
    if dest.waited is not Waited.TIMED_RESULT or dest.done_checked or len(path) < 2 \
            or not isinstance(path[-1], cst.Attribute) \
            or not isinstance(path[-2], cst.Call) or path[-2].func is not path[-1]:
        return None
    return Race(f"{callee_text(path[-1])}(timeout=...)", "its timeout raises with it still "
                "running", False, True, path[:-1], seq, scope, at_timeout=True)


_LOOPS_UNTIL_CANCELLED = ("its function loops until it is cancelled, and a cancel during the "
                          "wait leaves it running")


def _left_for_good(race: Race) -> Race | None:
    """A race whose losers are ended after the wait only is low (RUBRIC convention 2), unless
    its function's only way out is a cancel (`cancelled_to_end`): then they are left running
    (the race as it leaves them, said so), which is medium only for losers that never end by
    themselves (convention 4, `RaceFates._left`); None otherwise."""
    if cancelled_to_end(race.path):
        return replace(race, left=_LOOPS_UNTIL_CANCELLED, timeout=True)
    return None


def _after_it(race: Race, ends: list[Occurrence]) -> str:
    """"cancelled in fetch()" when what a cancelled waiter leaves running (`race.timeout`: a
    timeout can cancel it; `race.early`: the wait returns with the losers running) is ended
    after the wait in the same function: on every normal way out, not in a `finally` (RUBRIC
    convention 2: low, and said); "" otherwise."""
    method = race.scope.method()
    after = [o for o in ends if o.seq > race.seq and o.scope.method() is method]
    if not (race.timeout or race.early) or race.exit_only or not after:
        return ""
    verbs = {Flow.CANCEL: "cancelled", Flow.AWAITED: "awaited", Flow.GATHERED: "gathered"}
    first = min(after, key=lambda o: list(verbs).index(o.dest.kind) if o.dest.kind in verbs
                else len(verbs))  # a cancel first: it is what ends the losers
    if first.dest.kind is Flow.PASSED and first.dest.callee:  # a helper of the module ends it
        return f"passed to {first.dest.callee}() in {where(first.scope)}"
    return f"{verbs.get(first.dest.kind, 'ended')} in {where(first.scope)}"


def _left_at_a_yield(sp: Spawn, holder: Holder, label: str, eff: Effects, generator: str,
                     make: MakeFate) -> Fate:
    """A local's task that the generator `generator` ends only after a `yield`, where its
    consumer can stop it: left running for good when its coroutine runs until cancelled
    (LEFT_AT_YIELD); else only late on that way out (RUBRIC convention 4: LOCAL_CLEANED, with
    the way out that skips the end; a coroutine of another module is asked of the join,
    `coroutine_bodies.never_let_go`)."""
    if left_for_good(sp.site):
        return make(FateKind.LEFT_AT_YIELD, sp, holder, holder=label,
                    cleanup=eff.cleanup or "", callee=generator)
    fate = make(FateKind.LOCAL_CLEANED, sp, holder, holder=holder.key,
                cleanup=eff.cleanup or "", skipped_by=_STOPPED_AT_A_YIELD)
    # (the generator is the one stopped: a function nested in the method names it)
    return replace(fate, function=generator.removesuffix("()"))
