"""TL201 task-never-cleaned: the Task is kept, but nothing ever awaits or cancels it."""

from __future__ import annotations

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.model import FixKind, Risk
from taskleak.rules.base import (
    ASYNCIO_CANCEL_URI,
    ASYNCIO_CREATE_TASK_URI,
    Category,
    Description,
    Rule,
)
from taskleak.rules.texts import KEPT_NOT_CLEANED_REASON, kept_by
from taskleak.rules.unended_words import end_not_reached, end_skipped, looping


def _describe(fate: Fate) -> Description:
    if fate.kind is FateKind.HELPER_NEVER_ENDS:
        # kept where the helper's own spawn is (`inside.tracked`): by the helper it calls, or held
        kept = f" through {fate.through}()" if fate.through else f" in {fate.stored_in}" \
            if fate.stored_in else ""
        return Description(kept_by(fate.holder), "none",
                           f"handed to {fate.holder}(), which never awaits or cancels it",
                           evidence=(*looping(fate), f"{fate.holder}() keeps the task{kept}"))
    if fate.kind is FateKind.ENDLESS_RUN_BY_IOLOOP:
        return Description(f"kept by {fate.callee}()", "none",
                           f"{fate.holder} never ends by itself, and nothing can cancel what the "
                           "IOLoop keeps", evidence=(
                               f"{fate.callee}() runs {fate.holder} and keeps it until it is done "
                               "(tornado's `IOLoop._run_callback`)",
                               f"{fate.holder} {fate.loop}"))
    if fate.kind is FateKind.LEFT_RUNNING:
        where = "in a finally or an except around the wait" if fate.timeout else "after the wait"
        ends = f"nothing cancels it {where}" if not fate.exit_only else (
            "it is cancelled only in a branch that leaves the loop around the wait, and the loop "
            "can also end by itself with it still running")
        return Description(fate.holder, f"left running by {fate.callee}",
                           f"{fate.coroutine} is left running after the wait",
                           evidence=(f"waited by {fate.callee}", fate.left, ends))
    if fate.kind is FateKind.LEFT_AT_YIELD:
        return Description(fate.holder, f"left running when a consumer stops {fate.callee}",
                           f"{fate.coroutine} is left running if {fate.callee} stops at a "
                           "`yield`", evidence=(
                               f"kept in {fate.holder}, {fate.cleanup}, after a `yield` of the "
                               f"generator {fate.callee}",
                               "a consumer that stops early there (or throws an error in) "
                               "leaves it running, and no `finally` cancels it"))
    if fate.kind is FateKind.END_SKIPPED:
        return end_skipped(fate)
    if fate.kind is FateKind.END_NOT_REACHED:
        return end_not_reached(fate)
    if fate.kind is FateKind.HELD_WHILE_RUNNING:
        return Description(f"local `{fate.holder}`, kept while {fate.where} runs", "none",
                           f"{fate.coroutine} is kept in `{fate.holder}`, never awaited or "
                           "cancelled", evidence=(
                               f"kept while {fate.held}",
                               "its result and errors are never read"))
    if fate.kind is FateKind.SLOT_NEVER_CLEANED:
        return Description(fate.stored_in, "none",
                           f"{fate.stored_in} is never awaited or cancelled",
                           evidence=(fate.witness,) if fate.witness else ())
    claim = f"{fate.holder} is never awaited or cancelled"
    shown: tuple[str, ...] = ()
    if fate.kind is FateKind.SINGLETON:
        shown = (f"a singleton, guarded against re-spawning by {fate.guard}",)
    if fate.replaced:
        claim = f"the last task in {fate.holder} is never awaited or cancelled"
        shown = (f"{fate.replaced} cancels it only to replace it with a new one",)
    shown = looping(fate) + shown
    if fate.witness:
        shown += (fate.witness,)
    if fate.closers:  # where the fix would go: "close() cancels only self._ws"
        shown += (fate.closers,)
    tracked = f"{fate.holder} (singleton)" if fate.kind is FateKind.SINGLETON else fate.holder
    return Description(tracked, "none", claim, evidence=shown)


RULE = Rule(
    code="TL201",
    name="task-never-cleaned",
    risk=Risk.MEDIUM,
    category=Category.UNENDED,
    summary="The Task is kept, but nothing ever awaits or cancels it.",
    what_it_does="""\
Checks for a Task stored in an attribute or a module global when nothing in the class (or the
module) awaits it, cancels it (also through a local alias such as `task = self._task;
task.cancel()`), or passes it to `asyncio.gather`/`asyncio.wait`. A spawn guarded by
`if self._task is None:` (or a started flag) is a singleton: it never runs twice at once, but
nothing ends it either, so it is reported too, with the guard named. A cancel that only makes
room for a new spawn of an endless task (`self._task.cancel(); self._task = spawn(...)`) is a
replacement, not an end; nor is a cancel by the task's own coroutine (`self._task.cancel()` at
the end of the coroutine kept in `self._task`): it is finishing then, and a failure skips it.
A task kept in a collection that only a done-callback prunes (`tasks.add(task);
task.add_done_callback(tasks.discard)`) is kept until it is done; when its coroutine has an
endless loop (no `break` or `return`) that no flag or sentinel of its class stops, and nothing
cancels the collection's tasks, it is never done: reported too ("pruned ... only once it is
done, which it never is"). So is a coroutine function that never ends by itself (an endless
`while`) handed to tornado's IOLoop (`add_callback`, `spawn_callback`, `add_future` ...): the
IOLoop keeps it until it is done, and nothing can cancel it. The same for pipecat's
`self.create_task(...)` in a processor (a class derived from a pipecat class), read from
pipecat-ai 1.14.0: its task manager keeps the task until it is done, and pipecat's cleanup
cancels none of them; a caller that keeps the task is judged by its own end, of which
`self.cancel_task(task)` (cancels it and waits for it) is one.

In a generator (an async generator, an `asynccontextmanager`), a task kept in a local (or a
local list) and awaited, gathered or cancelled only after one of its `yield`s is reported too:
a consumer that stops early (`break` out of `async for`, `aclose()`, an error thrown in at the
`yield`) stops the generator there, and the code after it never runs. Ending the tasks in a
`finally` (or an `except GeneratorExit`) around the `yield`, or joining each before yielding,
fixes it. (Not an `__await__`: the `await` of it drives it to its end.) The same holds for the
tasks `asyncio.as_completed(coros)` makes for a `for` loop: only its iterator holds them, so a
loop that stops early (a `yield` of its generator, a `break`, a `return`) leaves the rest
running where nothing can cancel them.

Not reported: a task that ends by itself (no endless loop) whose done-callback reads its outcome
(`task.result()`, `task.exception()`; added in its module or another), when its owner has no
close-like method that leaves it running: its end and errors are seen. Nor one that a method of
the class joins by awaiting an event the task sets in a `finally` (or as it ends, after stopping
it with a message on a queue the task reads). Nor one whose `while` loop another method of the
class stops: through the flag the loop tests (`self._running = False`, `self._closed.set()`),
or with a sentinel on the queue it reads, that it leaves the loop on (`if item is None:
break`): a shutdown path. The loop may be the coroutine's own or that of a method it awaits
(or spawns and awaits), two calls deep at most. Nor one that works on another object
(`self._server.serve()`, or a coroutine that awaits `self._server.main_loop()`) which a
close-like method tells to finish: it sets an attribute of that object
(`self._server.should_exit = True`) or calls its `close()`. Nor one that a method cancels
through `getattr(self, name)`, with the attribute's name, a loop over literal names that holds
it, or a name computed at run time (then perhaps this one: no claim). A task kept on another
object (`result.task = ...`) is asked of that object's class, found from its construction or
its declared type, in any module; when the class is not known, an end of an attribute of that
name in any module searched counts, and the words say so.

A task made by a spawn helper of the project that keeps it only until it is done (it adds it
to a set that a done-callback prunes, and returns it; a method too, called on an object whose
class the annotations show, in any module) is judged at each call that holds it, by what the
caller does: pruning ends none. A helper that also ends what it keeps answers for every call.
A helper that spawns the work it is given and keeps the task where nothing ends it (an
attribute, a set that only grows) is reported once, at its spawn, where the task is created;
its calls are no rows (one row per place a task is created).

Also reported here:
- a task raced by `asyncio.wait(..., return_when=FIRST_COMPLETED)`, `asyncio.wait(...,
  timeout=...)` or `asyncio.as_completed(...)` (when the `for` loop over it can stop early: a
  `break`, a `return`, a `yield` of its generator, its `timeout=`; one that runs to the end
  awaits them all), or waited through `asyncio.wait`/`shield` under a timeout
  (`asyncio.timeout`, `async_timeout`, `wait_for`), when nothing cancels the losers after the
  wait; the task `shield(work())` makes for its coroutine too (`wait_for(shield(work()), 5)`);
  a race in a function the task is handed to is judged at that call, by what the caller does
  after it. Losers cancelled on every normal way out after the wait, where only a cancel of the
  waiter itself (a timeout cutting it short) would skip that, are low (task-tracked) and the
  row says a cancelled waiter leaves them running, unless they run until cancelled (a `while
  True`, an `async for` over an endless generator of their class, a loop on a flag of their own
  object no method of its class stops, a wait for an event of their object that the close
  cancelling the waiting loop's task never sets), local or in a local list, wherever that
  coroutine is defined (one of another module is read there): for good (medium);
- a concurrent Future of `run_coroutine_threadsafe` a thread waits for with `.result(t)`, not
  cancelled in a `finally`/`except` around it. Of a wait that gives up only at a timeout (this,
  `wait_for(shield(...), t)`, `wait(..., timeout=t)`), only a task whose function runs until
  cancelled: one that ends by itself, or whose function is not followed (a parameter's coroutine,
  an untyped object's method, one the checked code does not define), is low (task-tracked);
- a task kept in a local whose coroutine never ends by itself (a `while True` with no `break`
  or `return`, in the module), ended (cancelled, awaited) only after a step where the function
  can be left by an error or a cancellation: an `await`, an `async for`/`async with`, a `raise`
  (`hb = create_task(self._heartbeat()); await self._work(); hb.cancel()`): if `_work()`
  raises, or the function is cancelled while it waits there, the heartbeat runs for good.
  Ending it in a `finally` (or an `except` that re-raises) fixes it, when that `try` holds the
  step: one that starts after it covers only what follows, and an `except` that catches no
  cancellation (`except Exception`) leaves it to a cancel there. The same for a task kept in an
  attribute only its spawning function ends, for one a local holds until that step, then
  stores or hands to what ends it (`self._r = r`, `adopt(pump)`), and for one in an object it
  makes and hands on only after it (`c._hb = spawn(...); await c.ready(); return c`): the step
  leaves it kept by nothing. A task that ends by itself is only late: task-tracked, naming it.
  A step in another method before its end (`close()` awaiting `self._ws.close()` before
  the cancel) is not one: the owner's close is judged as a whole. So for a local ended only on
  some ways out: after a `return` that can leave first (`if not ok: return`, then
  `beat.cancel()`), or only in an `except` handler, which the normal way out skips; a task that
  ends by itself is left to finish (task-tracked, naming the way out). One ended only inside an
  `if` (`if wait: await t`) is dropped by the function's own choice on the other way
  (task-discarded, high), as is one handed on after the `return` (`await cancel_and_wait(t)`);
- a task kept in a local of a function that does not return while the task runs (it blocks in
  `loop.run_forever()`/`run_until_complete()`/`asyncio.run()`, or loops forever), read there
  or stored into it by a nested function (`nonlocal`): held, but its result and errors are
  never read (unless a done-callback added to it reads its outcome, in its module or another).
  A local the function binds and never reads is task-unreferenced, as ruff's RUF006 has it;
- a task kept in an attribute and ended only in close-like methods of its class, whose loop
  runs until they end it (no way out but a cancel, or a flag or sentinel they set), when a class
  of the project makes such an object, keeps it in an attribute (`self.redo_service =
  RedoService()`) and has a close-like method of its own, but none of its methods calls one of
  them on it (not its close, not the `finally` of a run its close ends): that owner closes and
  the task runs for good (the owner's path). A call of that method followed in the same
  function by a call that starts the task again (`stop(); start()`) is a restart, no end on
  the owner's way out. The object's own class counts as such an owner: a mixin's task ended
  only in its `stop_heartbeat()`, mixed into a class whose own close-like methods (its own or
  from its other bases) call none of those methods on `self`; and a subclass that replaces the
  ending method itself (`TlsSession.close()` for `Session.close()`) with one that neither
  calls `super()` nor ends the task. An owner with no close-like method (nor its bases) that
  calls none of them on the object lets it go just the same, unless a module calls one by name
  on some other object (untyped: `registry.poller.stop()` may reach it). An object the owner
  only passes to calls, a close that calls a method defined elsewhere, or a context manager's
  `__aexit__` as the only way out (a reusable object runs it at the end of each `async with`)
  makes no claim; a task that finishes by itself is only late then;
- a task in a dict entry of its object, whose loop runs until cancelled, when every end of the
  dict's tasks takes one entry by the key its caller gives (`self._typing.pop(sid)` in
  `_stop_typing(sid)`, called as each reply goes out) and nothing reads the dict whole (no
  loop over it, its keys or values, no `clear()`): the close-like methods of the object, its
  owners' and subclasses' call none of those ends, so the tasks still there when it closes
  run for good. A per-key end is no close, whatever its name. A call of it in a loop, one from
  a close-like method or from another module makes no claim;
- a task that runs a method of its own object (`self._cleanup()`), ended only in that object's
  `__del__`: its coroutine holds the object, so the object is never collected while the task
  runs and the finaliser never runs then (a task running another object's coroutine does not
  hold its owner: that `__del__` still ends it).

A subclass's end counts only for the objects that run the spawn: a subclass that replaces the
spawning method (without `super()`) never holds that task. A `for` loop over `itertools.cycle()`,
`itertools.count()` or `itertools.repeat(x)` never ends by itself, like `while True`; a `while
not all(t.done() for t in tasks)` loop (or `any`) waits for those tasks to end and ends with them,
and a `while not queue.empty()` loop ends when the queue is empty: neither is a stop flag. A
`while` on what a method gives, negated or not (`while ws.is_open():`, `while not
state.is_in_quit_state():`), stops when the method says so, which is not followed: it is not
known to run until cancelled (an event's `while not stop.is_set():` is read with the event's
setter).
`enumerate(asyncio.as_completed(...))` is iterated to the end as `as_completed(...)` is (`zip`
stops at its shortest argument, so a loop over it can stop early).""",
    why_bad=KEPT_NOT_CLEANED_REASON,
    example='''\
import asyncio


class SessionSweeper:
    def __init__(self) -> None:
        self._sessions: dict[str, float] = {}
        self._sweeper: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._sweeper = asyncio.create_task(self._sweep())

    async def _sweep(self) -> None:
        while True:
            await asyncio.sleep(60)
            self._sessions.clear()

    async def close(self) -> None:
        self._sessions.clear()
''',
    fix_example='''\
import asyncio


class SessionSweeper:
    def __init__(self) -> None:
        self._sessions: dict[str, float] = {}
        self._sweeper: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._sweeper = asyncio.create_task(self._sweep())

    async def _sweep(self) -> None:
        while True:
            await asyncio.sleep(60)
            self._sessions.clear()

    async def close(self) -> None:
        self._sessions.clear()
        if self._sweeper is not None:
            self._sweeper.cancel()
            await asyncio.gather(self._sweeper, return_exceptions=True)
''',
    fates=frozenset({
        FateKind.NEVER_CLEANED, FateKind.SLOT_NEVER_CLEANED, FateKind.HELPER_NEVER_ENDS,
        FateKind.SINGLETON, FateKind.LEFT_RUNNING, FateKind.HELD_WHILE_RUNNING,
        FateKind.LEFT_AT_YIELD, FateKind.ENDLESS_RUN_BY_IOLOOP, FateKind.END_SKIPPED,
        FateKind.END_NOT_REACHED,
    }),
    describe=_describe,
    fix_kinds=(FixKind.CANCEL_IN_CLOSE,),
    fix_notes="""\
The fix is unsafe (`--unsafe-fixes`, or `unsafe-fixes = ["TL201"]`): a task that kept running
is now stopped. It needs a class with a final `close`, `aclose`, `stop`, `shutdown`,
`disconnect` or `__aexit__` method, one no other method of the class calls (a `disconnect()`
that `reconnect()` uses is not the end of the object); without one, taskleak reports the finding
with no fix and says why (where the task should end is a design decision). The cancel goes
after the method's own statements, and the wait (`gather(..., return_exceptions=True)`) never
swallows a cancellation of the task running the close. When the spawn sits in a method that
runs again and again (`connect`, `on_*`, `handle_*` ...), the fix also cancels the previous
task before each new spawn.""",
    references=(
                ("asyncio.Task.cancel", ASYNCIO_CANCEL_URI),
                ("asyncio.create_task", ASYNCIO_CREATE_TASK_URI),
            ),
    invalid=(
        '''\
import asyncio


async def proxy(client, upstream) -> None:
    await asyncio.wait(
        [asyncio.create_task(pipe(client, upstream)), asyncio.create_task(pipe(upstream, client))],
        return_when=asyncio.FIRST_COMPLETED,
    )
''',
        '''\
import asyncio


class Sweeper:
    async def start(self) -> None:
        self._sweeper = asyncio.create_task(self._sweep())

    async def _sweep(self) -> None:
        while True:
            await asyncio.sleep(60)
''',
        '''\
import asyncio

STOP_KEY = "stop"
DATA: dict[str, object] = {}


def setup() -> None:
    DATA[STOP_KEY] = asyncio.ensure_future(wait_for_stop())
''',
    ),
    valid=(
        '''\
import asyncio


async def proxy(client, upstream) -> None:
    _, pending = await asyncio.wait(
        [asyncio.create_task(pipe(client, upstream)), asyncio.create_task(pipe(upstream, client))],
        return_when=asyncio.FIRST_COMPLETED,
    )
    for task in pending:
        task.cancel()
''',
        '''\
import asyncio


class Sweeper:
    async def start(self) -> None:
        self._sweeper = asyncio.create_task(self._sweep())

    async def _sweep(self) -> None:
        while True:
            await asyncio.sleep(60)

    async def close(self) -> None:
        self._sweeper.cancel()
''',
        '''\
import asyncio


class Sweeper:
    async def start(self) -> None:
        task = self._sweeper
        self._sweeper = asyncio.create_task(self._sweep())

    async def stop(self) -> None:
        task = self._sweeper
        task.cancel()
''',
    ),
)
