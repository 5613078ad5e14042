"""What the reads of a holder do with the Tasks it keeps (`Ownership.effects` sums them).

`Ownership` computes each holder's effects once and hands out copies that share the lists, so a
holder that n spawns share costs one computation, not n (issue 15's cliffs): whoever changes a
copy assigns new lists to it.
"""

from __future__ import annotations

import copy
from dataclasses import field
from typing import Any

import libcst as cst

from taskleak.analysis.facts.fates import Handoff, listed
from taskleak.analysis.facts.interface import End, Ends
from taskleak.analysis.tree.dests import Waited
from taskleak.analysis.tree.scopes import Occurrence, Scope
from taskleak.analysis.tree.walk import POLLED
from taskleak.records import record

# What a place of `awaits` says when the wait is a blocking `.result()` (see `ownership.py`).
BLOCKING_RESULT = " (a blocking .result())"
# (where the timeout can leave it running, it is a race: `waits.timed_result`)
BLOCKING_RESULT_TIMEOUT = " (a blocking .result() with a timeout)"
BLOCKING_SUFFIXES = (BLOCKING_RESULT, BLOCKING_RESULT_TIMEOUT)
_RESULT_READS = frozenset({Waited.RESULT, Waited.TIMED_RESULT})
# the words a wait adds to its place: a concurrent Future's `.result()` blocks the thread, and
# a timeout can give up on it
HOW_WAITED = {Waited.RESULT: BLOCKING_RESULT, Waited.TIMED_RESULT: BLOCKING_RESULT_TIMEOUT,
              Waited.POLLED: f" ({POLLED})"}


def _without_suffix(place: str) -> str:
    for suffix in BLOCKING_SUFFIXES:
        place = place.removesuffix(suffix)
    return place


@record
class Effects:
    """What the reads of a holder do with it."""

    cancels: list[str] = field(default_factory=list)
    awaits: list[str] = field(default_factory=list)
    # how each of `awaits` waits, one per place (`awaited` appends both): the facts its words
    # say (" (a blocking .result())")
    await_waits: list[Waited] = field(default_factory=list)
    gathers: list[str] = field(default_factory=list)
    prunes: list[str] = field(default_factory=list)
    # places of prunes that remove only other spawns' tasks (`prune_targets.py`): no end of this
    others_pruned: list[str] = field(default_factory=list)
    # an asyncio Task's `.result()` read unconditionally: it is done there (or the read fails)
    results: list[str] = field(default_factory=list)
    # where it is cancelled only to be replaced at once (`t.cancel(); self._t = spawn()`): a
    # replacement, not an end
    replaced: list[str] = field(default_factory=list)
    handed: list[Handoff] = field(default_factory=list)  # "returned", "passed to f()"
    # ... of them, those the module's callers make of it when a function returns it to them
    # ("returned by _take() to close(), then passed to stop_all()")
    handed_on: list[Handoff] = field(default_factory=list)
    weak: list[str] = field(default_factory=list)  # held only weakly: "weakref.ref()"
    # hand-offs followed that end nothing: "_watch() receives it and does not end it"
    followed: list[str] = field(default_factory=list)
    # the task's own cancels of itself, in its coroutine (`lifetimes.without_its_own_cancels`)
    own_cancels: list[Occurrence] = field(default_factory=list)
    # ends in the finaliser of the object the task holds (`finalisers.without_finaliser_ends`)
    finaliser_ends: list[Occurrence] = field(default_factory=list)
    # the reads themselves, for where they happen (`waits.py`)
    cancel_reads: list[Occurrence] = field(default_factory=list)
    await_reads: list[Occurrence] = field(default_factory=list)
    gather_reads: list[Occurrence] = field(default_factory=list)
    prune_reads: list[Occurrence] = field(default_factory=list)
    return_reads: list[Occurrence] = field(default_factory=list)  # `return x`: see `handed`
    # the calls handing it to a function this module cannot follow (see `handed`)
    handed_reads: list[Occurrence] = field(default_factory=list)
    collections: list[tuple[cst.BaseExpression, Scope]] = field(default_factory=list)
    key_collections: list[tuple[cst.BaseExpression, Scope]] = field(default_factory=list)
    stores: list[tuple[cst.BaseExpression, Scope]] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)
    # the places and reads that call what it holds: a task is no callable, so what is called is
    # a bound method kept in its stead, an end only where a `cancel` went in
    # (`with_bound_cancels`)
    calls: list[str] = field(default_factory=list)
    call_reads: list[Occurrence] = field(default_factory=list)

    # (the four lists, their lengths, the text): `cleanup` of a holder that n spawns share is
    # read for each of them
    _cleanup: tuple[tuple[list[str], ...], tuple[int, ...], str | None] | None = field(
        default=None, init=False, repr=False, compare=False)

    @property
    def cleanup(self) -> str | None:
        """`gathered in flush(), cancelled in close() and stop()`, or None when nothing ends
        it."""
        lists = (self.awaits, self.gathers, self.cancels, self.prunes, self.results)
        sizes = tuple(len(x) for x in lists)
        known = self._cleanup
        if known is not None and known[1] == sizes and all(
                a is b for a, b in zip(known[0], lists, strict=True)):
            return known[2]
        parts: list[str] = []
        for label, places in zip(("awaited", "gathered", "cancelled", "pruned",
                                  "its result read"), lists, strict=True):
            uniq = list(dict.fromkeys(places))
            if uniq:
                parts.append(f"{label} in {listed(uniq)}")
        text = ", ".join(parts) or None
        self._cleanup = (lists, sizes, text)
        return text

    @property
    def ends(self) -> Ends:
        """The kinds of end `cleanup` words (the facts a decision reads, not the words)."""
        lists = ((End.AWAITED, self.awaits), (End.GATHERED, self.gathers),
                 (End.CANCELLED, self.cancels), (End.PRUNED, self.prunes),
                 (End.RESULT_READ, self.results))
        return frozenset(end for end, places in lists if places)

    def end_fields(self) -> dict[str, Any]:
        """A fate's `cleanup` words and the `ends` facts behind them."""
        return {"cleanup": self.cleanup or "", "ends": self.ends}

    @property
    def only_prunes(self) -> bool:
        """Nothing ends the task but a prune once it is done (a done-callback's `discard`): no
        await, gather, cancel or read of its result. `forgetting_helpers.only_prunes` says the
        same of a helper's ends (`FunctionFacts.ends`), which its module exports."""
        return self.ends == {End.PRUNED}

    def without_result_reads(self) -> Effects:
        """These effects on an asyncio Task, whose `.result()` does not wait: it raises unless
        the task is done. Read unconditionally, it says the task is done there (or fails
        loudly); read only under a `done()` check, it ends nothing. A concurrent Future's
        `.result()` blocks, and is a wait (`ownership.py` words it so)."""
        reads = [o for o in self.await_reads if o.dest.waited in _RESULT_READS]
        if not reads:
            return self
        out = self.copy()
        read = [how in _RESULT_READS for how in self.await_waits]
        out.awaits = [a for a, r in zip(self.awaits, read, strict=True) if not r]
        out.await_waits = [how for how in self.await_waits if how not in _RESULT_READS]
        if all(o.dest.done_checked for o in reads):
            out.await_reads = [o for o in self.await_reads if o not in reads]
        else:  # read as done: an end, but not a wait, and not worded as one
            out.results = [_without_suffix(a) for a, r in zip(self.awaits, read, strict=True)
                           if r]
        return out

    def with_bound_cancels(self, bound: bool) -> Effects:
        """These effects on a task that went into its holder as its bound `cancel` (`bound`:
        `self.tasks.append(task.cancel)`, `Dest.bound_cancel`): each call of what the holder
        holds (`for cancel in self.tasks: cancel()`) cancels it."""
        if not bound or not self.calls:
            return self
        out = self.copy()
        out.cancels = self.cancels + self.calls
        out.cancel_reads = self.cancel_reads + self.call_reads
        return out

    def copy(self) -> Effects:
        """A copy sharing the lists: whoever changes a copy assigns new lists to it (never
        `+=`, `.append` on a shared one), so the memoised original stays as it was."""
        return copy.copy(self)

    def awaited(self, place: str, how: Waited) -> None:
        """Add a place that waits for the task, and how it waits."""
        self.awaits.append(place)
        self.await_waits.append(how)

    def called(self, place: str, read: Occurrence) -> None:
        """Add a place that calls what the holder holds (see `with_bound_cancels`)."""
        self.calls.append(place)
        self.call_reads.append(read)

    def ends_something(self) -> bool:
        """Whether `add_cleanup` would take anything from this."""
        return bool(self.cancels or self.awaits or self.gathers or self.prunes
                    or self.cancel_reads or self.await_reads or self.gather_reads
                    or self.prune_reads)

    def add_ends(self, other: Effects) -> None:
        """Count what ends `other`'s task (cancels, awaits, gathers) as ending this one's too,
        in new lists (this may be a copy)."""
        for name in ("cancels", "awaits", "await_waits", "gathers", "cancel_reads",
                     "await_reads", "gather_reads"):
            more = getattr(other, name)
            if more:
                setattr(self, name, getattr(self, name) + more)

    def add_cleanup(self, other: Effects) -> None:
        """Count what ends `other`'s holder as ending this one's too."""
        self.cancels += other.cancels
        self.awaits += other.awaits
        self.await_waits += other.await_waits
        self.gathers += other.gathers
        self.prunes += other.prunes
        self.cancel_reads += other.cancel_reads
        self.await_reads += other.await_reads
        self.gather_reads += other.gather_reads
        self.prune_reads += other.prune_reads
        self.calls += other.calls
        self.call_reads += other.call_reads
