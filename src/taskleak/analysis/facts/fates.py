"""What became of a spawned Task: the evidence classification gathers, as plain data.

A `Fate` says where the Task went (discarded, a local, an attribute, a collection, the caller
...) and what ends it (the cleanup found, or none), with the facts a rule needs to judge it and
to say so (how often the spawn runs, whether its coroutine loops forever, what the owner's
close-like methods do). The rules (`taskleak.rules`) turn fates into findings: which rule, what
risk, which words. Plain, picklable and JSON-able: fates are cached per file and joined across
the project without the parser.
"""

from __future__ import annotations

from dataclasses import asdict
from enum import Enum
from typing import Any

from taskleak.analysis.facts.interface import NO_ENDS, Ends, ends_from_json, ends_to_json
from taskleak.records import record


class FateKind(Enum):
    # kept and ended, or handed to someone who is responsible for it
    STRUCTURED = "structured"  # spawned in a task group / nursery
    AWAITED = "awaited"  # awaited where it is spawned
    CANCELLED = "cancelled"  # cancelled where it is spawned: `spawn(...).cancel()`
    RETURNED = "returned"  # returned to the caller
    GATHERED = "gathered"  # passed to gather/wait/shield ...: `callee`, `awaited`
    PASSED = "passed"  # passed to another call: `callee`
    LAMBDA_HANDED = "lambda_handed"  # returned from a lambda handed to `callee`: not followed
    UNPACKED = "unpacked"  # unpacked into several names (not followed)
    LOCAL_CLEANED = "local_cleaned"  # a local that is awaited/cancelled: `holder`, `cleanup`
    LOCAL_HANDED = "local_handed"  # a local returned or passed on: `holder`, `handed`
    STORED_CLEANED = "stored_cleaned"  # a local also stored in `stored_in`, and cleaned
    KEPT_CLEANED = "kept_cleaned"  # an attribute/global that is cleaned: `holder`, `cleanup`
    KEPT_HANDED = "kept_handed"  # a global/dotted holder handed on: `holder`, `handed`
    COLLECTION_CLEANED = "collection_cleaned"  # in a collection that is cleaned
    LOCAL_COLLECTION_HANDED = "local_collection_handed"  # a local collection handed on
    COLLECTION_HANDED = "collection_handed"  # a module-level collection handed on
    # a coroutine function (`holder`) that `callee` (tornado's IOLoop) runs as a task, kept by
    # it until done; RUN_AND_JOINED: and its spawning function waits for its end (`cleanup`)
    RUN_BY_IOLOOP = "run_by_ioloop"
    RUN_AND_JOINED = "run_and_joined"
    # a dropped threadsafe spawn whose loop its function closes after joining a thread
    # (`holder`: the loop; `cleanup`: "shutdown() then joins self._thread and closes
    # self._loop"): loop_stops.py
    ENDS_WITH_ITS_LOOP = "ends_with_its_loop"
    # nothing keeps it
    DISCARDED = "discarded"  # an expression statement
    DROPPED_AFTER_CALLBACK = "dropped_after_callback"  # `spawn(...).add_done_callback(cb)`
    # the body of a lambda that `callee` (vocabulary.CALLED_BACK_LATER) calls back, dropping
    # what it returns
    RETURNED_FROM_LAMBDA = "returned_from_lambda"
    # the spawn function itself handed to `callee` (CALLED_BACK_LATER), which drops the Task
    CALLED_BACK = "called_back"
    # a coroutine function (`holder`) that `callee` calls back: the coroutine it makes is never
    # awaited (`handed`: "a coroutine" when the callback is a coroutine object already)
    NEVER_AWAITED = "never_awaited"
    # a `@gen.coroutine` function (`holder`) that `callee` (tornado's IOLoop) calls back: it
    # starts and gives a Future, kept running until done and its error logged
    # (`library_facts.py`)
    FUTURE_RUN_BY_IOLOOP = "future_run_by_ioloop"
    # either of those two whose coroutine runs until cancelled (`loop`: what its loop is):
    # what the IOLoop keeps, nothing can cancel
    ENDLESS_RUN_BY_IOLOOP = "endless_run_by_ioloop"
    DROPPED_FROM_COMPREHENSION = "dropped_from_comprehension"  # built in a dropped literal
    LOCAL_ONLY = "local_only"  # a local nothing awaits or cancels: `holder`, `where`
    LOCAL_COLLECTION_DROPPED = "local_collection_dropped"  # a local collection dropped
    NEVER_READ = "never_read"  # bound to a name never read again: `holder`
    DROPPED_RETURN = "dropped_return"  # a call of a function returning a task, as a statement
    # passed to a function of this module that neither keeps nor ends it (`passed.py`): `callee`
    HANDED_AND_DROPPED = "handed_and_dropped"
    # handed to a spawn helper (`holder`): what it promises decides
    HELPER_KEEPS = "helper_keeps"  # it keeps the task and ends it: `cleanup` says how
    HELPER_NEVER_ENDS = "helper_never_ends"  # it keeps the task but nothing ends it
    HELPER_DROPS = "helper_drops"  # it neither keeps nor returns the task: `holder` is it
    WEAKLY_HELD = "weakly_held"  # only a weak reference keeps it: `holder` ("weakref.ref()")
    # replaced while running
    REBOUND_IN_LOOP = "rebound_in_loop"  # a local rebound every iteration: `holder`
    RESPAWNED = "respawned"  # an attribute/global re-spawned without cancel: `function`
    KEY_OVERWRITTEN = "key_overwritten"  # a dict entry per client overwritten: `function`
    # kept, never ended
    NEVER_CLEANED = "never_cleaned"  # an attribute/global never awaited or cancelled
    HELD_WHILE_RUNNING = "held_while_running"  # a local of a function that outlives it: `held`
    SINGLETON = "singleton"  # the same, guarded against re-spawning: `holder`, `guard`
    SLOT_NEVER_CLEANED = "slot_never_cleaned"  # a fixed dict slot: `stored_in`
    COLLECTION_GROWS = "collection_grows"  # a collection that only grows
    # pruned only by its own coroutine at the end of its body (`callee`), not in a finally
    PRUNED_ON_SUCCESS = "pruned_on_success"
    LEFT_RUNNING = "left_running"  # waited in a race that leaves it running: `callee`, `left`
    # the same, left only when the wait's timeout runs out, its coroutine not known to run
    # until cancelled (RUBRIC convention 7: low; `race_fates._left`)
    LEFT_AT_TIMEOUT = "left_at_timeout"
    # ended only after a `yield` of the generator `callee`, where its consumer can stop it
    LEFT_AT_YIELD = "left_at_yield"
    # a coroutine that runs until cancelled, ended (`cleanup`) only on the normal way out: an
    # error or a cancellation at `skipped_by` leaves it running (`skippable_ends.py`); with
    # `stored_in`: held by a local until then, stored where it is ended only after that step
    END_SKIPPED = "end_skipped"
    # kept in an attribute and ended only in its class's close-like methods, which the close
    # of an owner that makes and keeps the object never calls, while it runs until then
    # (`project/owner_paths.py`): `holder`, `cleanup`, `unreached`
    END_NOT_REACHED = "end_not_reached"


class Hand(Enum):
    """How a task is handed on where this module stops following it (a `Handoff`)."""

    RETURNED = "returned"  # `return task`: to the function's own caller
    RETURNED_BY = "returned_by"  # returned on by a function of the module (`returned by f()`)
    PASSED = "passed"  # passed to a call this module does not follow: `f(task)`
    # returned by a function of the module to a caller that passes it to such a call
    RETURNED_THEN_PASSED = "returned_then_passed"
    KEPT = "kept"  # passed to a function of the module that keeps it
    STORED = "stored"  # stored somewhere this module does not follow


# the hand-offs that end in a call of a function this module does not follow
PASSES = frozenset({Hand.PASSED, Hand.RETURNED_THEN_PASSED})


@record(frozen=True)
class Handoff:
    """A hand-off: what it is (`how`, the fact decisions read) and how a finding says it."""

    how: Hand
    words: str  # "returned", "passed to f()", "returned by _take() to close(), then ..."

    def fields(self) -> dict[str, Any]:
        """The fate's fields that carry it (`Fate.hand`, `Fate.handed`)."""
        return {"hand": self.how, "handed": self.words}

    def inside(self, callee: str) -> Handoff:
        """This hand-off, inside `callee`, of the task a caller passed it, for that caller:
        returned by the callee, it is `returned by callee()`; any other stays as it is."""
        if self.how is Hand.RETURNED:
            return Handoff(Hand.RETURNED_BY, f"returned by {callee}()")
        return self

    def returned_by(self, via: str) -> Handoff:
        """This hand-off, by a caller, of the value a function returned to it (`via`:
        "_take() to close()"): the task returned or passed on from there; any other stays."""
        if self.how is Hand.RETURNED:
            return Handoff(Hand.RETURNED_BY, f"returned by {via}, then {self.words}")
        if self.how is Hand.PASSED:
            return Handoff(Hand.RETURNED_THEN_PASSED, f"returned by {via}, then {self.words}")
        return self


class Keeper(Enum):
    """What kind of thing holds the task (facts other modules can answer questions about)."""

    LOCAL = "local"
    PARAMETER = "parameter"  # a local that is a parameter: the caller owns what it holds
    ATTRIBUTE = "attribute"  # `self.x` / `Cls.x`: `owner` is the class, `attribute` the name
    GLOBAL = "global"
    DOTTED = "dotted"  # `obj.x` of another object: `attribute` is the last name


def listed(places: list[str], most: int = 3) -> str:
    """"a()", "a() and b()", "a(), b() and c()"; past `most`, "a(), b() and 2 other places"
    (a bare "(+n)" explains nothing)."""
    if len(places) <= most:
        return " and ".join(filter(None, (", ".join(places[:-1]), places[-1])))
    rest = len(places) - (most - 1)
    return f"{', '.join(places[:most - 1])} and {rest} other places"


# DROPPED_RETURN's `holder` when the callee returns a collection of the tasks it spawns
RETURNED_TASKS = "tasks"


@record(frozen=True)
class Fate:
    kind: FateKind
    coroutine: str  # what the spawn runs: `self._send()`
    holder: str = ""  # what keeps it, as shown: "self._task", "global TASKS", "collection x"
    cleanup: str = ""  # what ends it: "awaited in stop(), cancelled in close()"; "" for none
    ends: Ends = NO_ENDS  # the facts behind `cleanup` where a decision reads them
    handed: str = ""  # "returned", "passed to f()"; or the call that drops it (no `hand`)
    hand: Hand | None = None  # the fact behind `handed`, when it is a hand-off
    callee: str = ""  # GATHERED/PASSED: the function it was passed to; LEFT_RUNNING (and a local
    # COLLECTION_CLEANED ended after it): the wait; PRUNED_ON_SUCCESS: the coroutine pruning it
    awaited: bool = False  # GATHERED: the gathering call is awaited
    stored_in: str = ""  # where a local was stored (`self._m[uid]`), a dict slot
    in_loop: bool = False  # spawned once per loop iteration
    # RESPAWNED in a loop that goes round once per session (a reconnect), not per message
    per_session: bool = False
    repeating: str = ""  # the enclosing function when it runs once per event (`on_message`)
    # ... and that event is an item a loop receives (a message), not a rare one (a reconnect)
    per_item: bool = False
    # the spawn sits under a test of its function's parameters: made only for some items
    # (`frequency/per_item.py`), so a caller's loop over items does not make it per item
    some_items: bool = False
    evidence: str = ""  # how we know it does: "registered with @client.event"
    function: str = ""  # the enclosing function ("<module>" at module level)
    where: str = ""  # where the spawn's function returns: "connect()", "module scope"
    long_running: bool = False  # the coroutine runs a `while True`-like loop
    loop: str = ""  # what it is true to say of that loop: "runs `while True` with no break ..."
    closers: str = ""  # what the owner's close-like methods clean: "close() cancels only x"
    group: str = ""  # STRUCTURED: the task group's name
    keeper: Keeper | None = None  # what holds it, when something does
    owner: str = ""  # ATTRIBUTE: the class's qualified name; PARAMETER: the function's
    attribute: str = ""  # ATTRIBUTE/DOTTED: the attribute's name; PARAMETER: the parameter's
    returned: bool = False  # the task is also returned to the caller (a spawn helper)
    guard: str = ""  # what stops a re-spawn over a live task: "`if self._task is None`"
    replaced: str = ""  # where it is cancelled only to be replaced at once: "restart()"
    reschedules: bool = False  # the coroutine spawns itself again when it is done
    wrapper: str = ""  # the spawn is gather/shield/wait_for of coroutines: "asyncio.gather"
    left: str = ""  # LEFT_RUNNING: why the wait leaves it running ("it returns as soon as ...")
    timeout: bool = False  # LEFT_RUNNING (`callee`'s): a timeout can cut the wait short
    exit_only: bool = False  # LEFT_RUNNING: cancelled only where the loop around the wait is left
    # HELD_WHILE_RUNNING, NEVER_READ: what keeps the local alive ("start() blocks in ...");
    # LOCAL_ONLY: what keeps only the last of the tasks a loop binds to it
    held: str = ""
    # kept, never ended: the resolved facts that show it ("none of its 2 reads in class Worker
    # (start(), close()) awaits, cancels or gathers it")
    witness: str = ""
    # spawned by `run_coroutine_threadsafe`: a concurrent.futures.Future, whose error nothing
    # logs when it is dropped (a dropped asyncio Task's error reaches the log)
    threadsafe: bool = False
    # stored in a received dict under a per-client key, the old entry not ended first: if the
    # function runs again for the same key (its callers say, in the join), the running task is
    # orphaned; stored in an attribute over a task not ended first (KEPT_CLEANED,
    # NEVER_CLEANED): if the method runs again (its callers, or its ends, are in other modules:
    # `project/reentry.py`), the same
    overwrites: bool = False
    # ... and its own module saw the method run again (its callers' excuses weighed): only an
    # end of the attribute, elsewhere, is missing for a re-spawn
    repeats_here: bool = False
    # ... into an attribute of the object the function is given at this 1-based place among a
    # call's arguments (`job.task`): a call giving a new object there on each turn repeats no
    # store over a live task (`DroppedCall.fresh`)
    stored_on_argument: int = 0
    # KEPT_CLEANED: the function whose store may replace a task of an earlier run still
    # running, when it ends the holder before the store on some paths only: which path runs
    # turns on a condition not followed (`liveness.Held.STOPPED`), so no overwrite is claimed
    overwrite_unfollowed: str = ""
    # COLLECTION_CLEANED of a collection attribute its owner stops the tasks of, filled once as
    # far as its module sees (`filled_once.once_stopped_by_its_owner`): if another module runs the
    # function again and again, the collection only grows (`project/reentry.py`)
    grows_if_repeated: bool = False
    # LOCAL_ONLY: what ends (or takes) the task on the other ways out, when a `return` before
    # it drops the local ("passed to cancel_and_wait()"); END_SKIPPED, LOCAL_CLEANED: the end
    # such a `return` skips (`skippable_ends.ended_on_some_ways`)
    skipped: str = ""
    # END_SKIPPED, LOCAL_CLEANED: the local is ended only in an `except` handler, so the
    # function's normal way out leaves it running (`skippable_ends.ended_on_some_ways`)
    only_on_error: bool = False
    # HELPER_KEEPS: the helper spawns work of its own (`self.start()`); the call hands it none
    own_work: bool = False
    # END_SKIPPED, LOCAL_CLEANED: how the function can be left before the end, said of the step
    # where it can ("fails or is cancelled at `await self._work()`"; `skippable_ends.py`)
    skipped_by: str = ""
    # END_SKIPPED: the end runs in `except` handlers too, none of which catches a cancellation
    # (`except Exception`): a cancellation at that step skips it (`skippable_ends._handled_only`)
    handled: bool = False
    # END_SKIPPED: the end runs in `except` handlers too that catch a cancellation but not every
    # error (`except CancelledError`): an error at that step skips it (`_handled_only`)
    handled_cancel: bool = False
    # LAMBDA_HANDED, RETURNED_FROM_LAMBDA: the call the lambda is handed to gives nothing back
    # (its value is dropped) and is no function of the project: an unknown callback
    # registration, which keeps nothing (`obligations/registrations.py`)
    registered: bool = False
    # LOCAL_CLEANED of a race's loser that waits for an event of its own object ("_wake"):
    # whether the owner's close leaves it waiting turns on members the class may inherit, so
    # the inheritance round reads the class whole (`obligations/signal_waits.py`)
    waits_on: str = ""
    # kept as a key of the collection (`d[task] = state`): a weak-keyed one another module binds
    # holds it by nothing (`answers.answer_global`)
    as_key: bool = False
    # LEFT_RUNNING: what keeps the task, as a row says it once a runner of another module ends
    # it (`project/runner_ends.py`): a local's name (`holder` is the label shown), or the wait
    # it is passed to (`asyncio.wait`, no holder); "" for a collection or an attribute
    ended_as: str = ""
    # LEFT_AT_TIMEOUT: what was not followed of what the task runs, which leaves unknown
    # whether it ends by itself ("what coro() runs is not followed here"): low, said so
    run_unfollowed: str = ""
    # LOCAL_ONLY: the test of the `if` after the spawn that every end of the local sits in
    # (`if not pending: await fut`): on the other way the local is dropped
    only_if: str = ""
    # RESPAWNED: the spawn's own loop comes round to it again with the task it stored there
    # not ended (a retry after a step that fails past the spawn included)
    comes_round: bool = False
    # RESPAWNED: this spawn's own coroutine function, when its loop calls the spawning function
    # again (`frequency/reentry.py`): the task replaced goes on running
    reentered_by: str = ""
    # ensure_future/shield/gather of a value not followed (`obligations/creation.py`): whether a
    # task is made at all is unknown, so no rule may build a finding on it: the value, shown
    unresolved: str = ""
    # spawned by `create_task` on a receiver nobody typed (`spawns._untyped_kind`): the
    # receiver as written, which the words name as untyped
    untyped: str = ""
    # kept in a collection a parameter received, whose owner (the caller) is not known: the
    # join clears it once it finds the callers (and names them in `holder`)
    caller_unknown: bool = False
    # HELPER_KEEPS/HELPER_NEVER_ENDS: the helper the called helper hands the task on to, which
    # keeps it (`start()` spawns through `spawn()`): the join's, from that spawn's verdict
    through: str = ""
    # COLLECTION_GROWS: where the collection is pruned, of other spawns' tasks only ("asend()")
    others_pruned: str = ""
    # HELD_WHILE_RUNNING: the chain of a done-callback of another module added to the task,
    # which the join asks whether it reads the task's outcome (`QuestionKind.CALLBACK_READS`)
    callback: str = ""
    # KEPT_CLEANED of an attribute: the close-like methods of its class that end it, joined by
    # "," ("close_client"), which the join asks the owners of such objects to reach
    # (`QuestionKind.OWNER_CLOSES`), and whether the task runs until they end it (a loop with
    # no way out but a cancel, or one they stop through a flag or sentinel)
    ended_in: str = ""
    runs_until_ended: bool = False
    # ... those methods are none of its close-like ones but methods the module never calls
    # (`unwatch_all`; a COLLECTION_CLEANED too): its users' to call, reached on the way out
    # only if a close calls one (`obligations/owner_paths.user_ended_fields`)
    user_ended: bool = False
    # ... those methods each end one entry of a keyed collection, by the key their caller gives
    # (`obligations/per_key_ends.py`): a close-like name among them is no close of the object
    per_key: bool = False
    # ... and, read with the members of other classes (the inheritance round), the class each
    # of those methods came from, "close=pkg.ends:ReaderEnds" (":ReaderEnds" of the same
    # module), joined by ",": a subclass's method of that class is the end, not one replacing it
    ended_in_at: str = ""
    # END_NOT_REACHED: the owner's close that never calls them, and on what
    # ("NamingProxy.close_client() on self.redo_service, in pkg/proxy.py")
    unreached: str = ""
    # ... that owner has no close-like method at all: it never calls them on any way out
    owner_without_close: bool = False
    # KEPT_CLEANED, KEPT_HANDED of an attribute whose task runs until cancelled: the methods
    # that end it only on the way to storing a new task there, by name ("_updater_cancel"), and
    # how ("_updater_cancel(), which only _updater_schedule() calls before storing a new task
    # there"; `obligations/replace_only_ends.py`); the join makes it END_NOT_REACHED once no
    # other module calls them (`QuestionKind.REPLACED_ONLY`)
    enders: str = ""
    replaced_only: str = ""
    # END_SKIPPED of a collection or an attribute, and the KEPT_CLEANED or COLLECTION_CLEANED
    # the join makes one (`coroutine_bodies.never_let_go`): what it was before the way out
    # that skips its end was read (`unended_words` says a collection so); None: a local's
    skipped_kind: FateKind | None = None

    @property
    def held_in(self) -> str:
        """The holder as a finding shows it: "collection self._tasks", and " (passed in)" when
        the collection is a caller's that nobody has found yet."""
        return f"{self.holder} (passed in)" if self.caller_unknown else self.holder

    @property
    def frequency(self) -> str:
        """How often the spawn runs, when that raises its risk: "spawned once per loop
        iteration", "spawned on every call of on_message(), registered with @client.event",
        or ""."""
        if self.in_loop:
            return "spawned once per loop iteration"
        if self.repeating:
            how = f", {self.evidence}" if self.evidence else ""
            return f"spawned on every call of {self.repeating}(){how}"
        return ""

    def to_json(self) -> dict[str, Any]:
        data = {k: v for k, v in asdict(self).items() if v or k == "coroutine"}
        data["kind"] = self.kind.value
        if self.keeper is not None:
            data["keeper"] = self.keeper.value
        if self.hand is not None:
            data["hand"] = self.hand.value
        if self.skipped_kind is not None:
            data["skipped_kind"] = self.skipped_kind.value
        if self.ends:
            data["ends"] = ends_to_json(self.ends)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Fate:
        keeper, hand, skipped = data.get("keeper"), data.get("hand"), data.get("skipped_kind")
        return cls(**{**data, "kind": FateKind(data["kind"]),
                      "keeper": Keeper(keeper) if keeper is not None else None,
                      "hand": Hand(hand) if hand is not None else None,
                      "skipped_kind": FateKind(skipped) if skipped is not None else None,
                      "ends": ends_from_json(data.get("ends"))})


def returns_to_caller(fate: Fate) -> bool:
    """The fate hands the task back to the caller: at once, or by a returned local (collection)."""
    return fate.kind is FateKind.RETURNED or (
        fate.kind in (FateKind.LOCAL_HANDED, FateKind.LOCAL_COLLECTION_HANDED)
        and fate.hand is Hand.RETURNED)


def returns_to_callers(fates: tuple[Fate, ...]) -> bool:
    """Some fate hands the task back to the caller (`returns_to_caller`)."""
    return any(returns_to_caller(f) for f in fates)


def ended_after_a_race(end: str, timeout: bool) -> str:
    """An end made only after a race's wait, said as it holds: on the normal way out only."""
    cut = " (a timeout cutting the wait short)" if timeout else ""
    return f"{end}, on the normal way out; a cancelled waiter{cut} leaves it running"


def said_of_the_end(fate: Fate) -> str:
    """`fate.cleanup` as a row says it (a local collection's after a race: `callee`, the wait)."""
    raced = fate.kind is FateKind.COLLECTION_CLEANED and fate.callee and fate.skipped_by
    return ended_after_a_race(fate.cleanup, fate.timeout) if raced else fate.cleanup
