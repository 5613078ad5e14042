"""TL103 task-overwritten: a stored Task is replaced by a new spawn while the old one still runs."""

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


def _describe(fate: Fate) -> Description:
    if fate.kind is FateKind.REBOUND_IN_LOOP:
        return Description(
            f"local `{fate.holder}` (rebound in a loop)", fate.cleanup or "last one only",
            f"{fate.coroutine} is rebound to `{fate.holder}` in a loop, dropping the last one",
            risk=Risk.HIGH, evidence=("only the last task is kept, the earlier ones are dropped",))
    when = _when(fate)
    if fate.kind is FateKind.KEY_OVERWRITTEN:
        return Description(
            fate.holder, fate.cleanup or "none",
            f"an entry of {fate.holder} is overwritten with its task still running",
            risk=Risk.HIGH if fate.in_loop or fate.per_item else None,
            evidence=(*when, "the task already stored under its key is not cancelled"))
    if fate.cleanup:  # the old task may be ended first elsewhere: say what is sure
        left = (f"if it is still running, it is left behind unreferenced: the cleanup, "
                f"{fate.cleanup}, reaches only the latest",)
    else:
        left = ("the old task keeps running unreferenced",)
    return Description(
        fate.holder, fate.cleanup or "none",
        f"{fate.holder} is re-spawned without cancelling the task it held",
        risk=Risk.HIGH if (fate.in_loop and not fate.per_session) or fate.per_item else None,
        evidence=when + _reentered(fate) + _session(fate) + left)


def _session(fate: Fate) -> tuple[str, ...]:
    """Why a re-spawn in a loop is not per message: each turn waits out a session."""
    if not (fate.in_loop and fate.per_session):
        return ()
    return (f"the loop in {fate.function}() comes round once per session: each turn waits in a "
            "call that loops until the session ends",)


def _reentered(fate: Fate) -> tuple[str, ...]:
    """The task replaced, when it is the one whose loop calls the spawning function again."""
    if not fate.reentered_by:
        return ()
    return (f"{fate.reentered_by}() is the task stored here: its loop goes on after "
            f"{fate.function}() stores the next one",)


def _when(fate: Fate) -> tuple[str, ...]:
    """When the holder is spawned again, unless `Fate.frequency` says so (a loop, a function
    that repeats): "each time the loop in run() comes round to it again", "in connect()"."""
    if fate.in_loop or fate.repeating:
        return ()
    if fate.comes_round:
        return (f"re-spawned each time the loop in {fate.function}() comes round to it again",)
    return (f"re-spawned in {fate.function}()",)


RULE = Rule(
    code="TL103",
    name="task-overwritten",
    risk=Risk.MEDIUM,
    category=Category.LOST,
    summary="A stored Task is replaced by a new spawn without cancelling the running one.",
    what_it_does="""\
Checks for a Task stored in an attribute (`self._task = ...`), a module global or a dict entry
(`tasks[uid] = ...`) that is spawned again, in a function that runs repeatedly or inside a loop,
while the previous Task may still run: on some path from the function's entry to the store,
nothing ends it (a cancel, an await or a gather of it, a call of a method that does) and no
test finds the holder empty or done (`if self._task is None`, `if not task.done()`). A read
that ends nothing (`log.info("restart %s", self._task)`) does not count, nor does a cancel on
another branch. A loop that comes round to the spawn with its own earlier task not ended is a
re-spawn too, a retry loop whose step after the store may fail included (an `await`, a `raise`,
an `async for` or `async with`; a plain call such as `log.info(...)` is no such step; an
`await asyncio.sleep(...)`, or an `await asyncio.wait([...])` of listed tasks, can fail only by
a cancellation, which reaches no `except OSError`). How
often a function runs is known from evidence, never from its name: a framework decorator
(`@app.route`, `@client.event`), a registration in the module
(`bus.add_listener(self.on_event)`, `emitter.on("x", handler)`), a handler set on another
object's event attribute (`ws.onclose = self._handle_close`), a call in
a loop (one followed by `break`, `return` or `raise` runs once per run of its loop, not per
turn, unless a step between it and the way out may fail, as above, and the loop goes round:
`try: await self._init(); await self._flush(); break`), a handler of a dispatch table whose
entries are called where that repeats (`self._handlers[msg_type](msg)`), a call from a function that
repeats, or a call from a task the function starts (itself, or through a method it calls:
`open()` -> `self._open_impl()` starts a listener that reconnects through `open()`), which comes
back round each time; the message names it. Callers in other modules count as much as the
module's own. Without evidence, the spawn is not reported here. Nor is a store its own function
ends on every way out (a `finally` that cancels it, the store inside that `try` or just before
it with no step between that may fail), unless the call that comes again is made by a task that
function starts, while it still waits. A local rebound in a loop where only the last Task is
awaited or kept is reported too, at high risk, and so is an overwrite made
once per item a loop waits for (`data = await queue.get()` handed down to the store: a second
message from the same client orphans the first one's task).

A call that cannot leave a task running is no repetition: its caller cancels or awaits the
old task first, or (the function returning its task) awaits what the call gives back, or calls
again only once the task it got last is in the done set of a wait, or behind its own started
flag (`if self._started: return; self._started = True`) that only initialisation, the task
itself or a method ending the task sets back; so is a re-spawn asked for by the task it
replaces (a listener whose way out reconnects, and the reconnect starts the next listener), and
a coroutine that spawns itself again, when that task returns right after on every path: a
heartbeat loop that reconnects and goes on beating is not excused. Nor is one whose task
another method that runs per event too ends (`on_disconnect()`, registered like
`on_connect()`, cancels what `on_connect()` spawned): that end may come before each re-spawn,
and nothing proves otherwise, unless the re-spawn comes from the loop of a task the function
starts (a heartbeat that reconnects through `connect()`): no event comes between.
An end only in `close()`, or only in a cleanup the spawning function itself calls when it
fails, reaches only the latest task. A call on an object its caller has just made in its own
block, in place of one on which it called a method that ends the holder (`for conn in
(self._conn,): await conn.disconnect()`, then `self._conn = Connection(...)` and `await
self._conn.connect()`), stores into the new object: no task it held is replaced (one made once,
or made with nothing ending the one it replaces, is still a repetition); the caller's module
tells the join so when the class lives in another.

A method that replaces one which ends the holder before storing into it again is evidence too
(`Poller.restart()` stops, then starts; `MetricsPoller.restart()` only starts): the class runs
that method while the task may be live, and the replacement stores over it. Read from each
class's methods wherever they live, the calls on `self` followed through its bases; one that
calls `super()` or ends the holder itself is no such replacement. A store into a dict keyed by
the call's input is reached again the same ways, a call through an attribute that holds the
object included (`self._typing.on_typing(user)` once per line read), unless the caller pops
and ends the entry first, or its own loop gives a new key each turn (`for name in names:
self._add(name)`) and nothing runs that loop again.""",
    why_bad="""\
Overwriting the reference does not stop the running task: it loses the only handle to it. After a
reconnect, the old heartbeat loop still runs next to the new one; after the next one, three run.
A `close()` that cancels `self._task` cancels only the latest. Each orphaned task keeps its
coroutine's objects alive and, once nothing references it, can also be garbage collected
mid-execution, because the event loop keeps only weak references to tasks.

A spawn inside a loop is reported at high risk: it leaks one task per iteration. One whose loop
goes round once per session (each turn waits in a function of the module that itself loops:
a reconnect loop that reads the stream until the link drops) leaks one per rare event: medium.
A loop that comes round only after an event the stored task sets as its very last step
(`self._link_lost.set(); return`), cleared before the next wait, replaces a task that has
ended: no overwrite.""",
    example='''\
import asyncio


class Connection:
    def __init__(self, transport: Transport) -> None:
        self._heartbeat: asyncio.Task[None] | None = None
        transport.add_listener("connection_lost", self.connect)

    async def connect(self) -> None:
        self._heartbeat = asyncio.create_task(self._beat())

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(30)

    async def close(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
''',
    fix_example='''\
import asyncio


class Connection:
    def __init__(self, transport: Transport) -> None:
        self._heartbeat: asyncio.Task[None] | None = None
        transport.add_listener("connection_lost", self.connect)

    async def connect(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
        self._heartbeat = asyncio.create_task(self._beat())

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(30)

    async def close(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
''',
    fates=frozenset({
        FateKind.REBOUND_IN_LOOP, FateKind.RESPAWNED, FateKind.KEY_OVERWRITTEN,
    }),
    describe=_describe,
    says_how_often=True,
    fix_kinds=(FixKind.CANCEL_PREVIOUS,),
    fix_notes="""\
A singleton guard (`if self._task is None:` before the spawn) is a valid alternative when the
running task should be kept rather than replaced; the task still needs an end (TL201 reports a
guarded singleton that nothing cancels).""",
    references=(
                ("asyncio.Task.cancel", ASYNCIO_CANCEL_URI),
                ("asyncio.create_task", ASYNCIO_CREATE_TASK_URI),
            ),
    invalid=(
        '''\
import asyncio


class Connection:
    def __init__(self, transport: Transport) -> None:
        self._heartbeat: asyncio.Task[None] | None = None
        transport.add_listener("reconnected", self.reconnect)

    async def reconnect(self) -> None:
        self._heartbeat = asyncio.create_task(self._beat())

    async def _beat(self) -> None:
        await asyncio.sleep(30)

    async def close(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
''',
        '''\
import asyncio


async def poll_all(urls: list[str]) -> None:
    for url in urls:
        task = asyncio.create_task(fetch(url))
    await task
''',
        '''\
import asyncio

turns: dict[str, "asyncio.Task[None]"] = {}


@router.websocket("/turn")
async def handle_turn(client_uid: str) -> None:
    turns[client_uid] = asyncio.create_task(run_turn(client_uid))


async def disconnect(client_uid: str) -> None:
    turns.pop(client_uid).cancel()
''',
    ),
    valid=(
        '''\
import asyncio


class Connection:
    def __init__(self) -> None:
        self._heartbeat: asyncio.Task[None] | None = None

    async def reconnect(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
        self._heartbeat = asyncio.create_task(self._beat())

    async def _beat(self) -> None:
        await asyncio.sleep(30)

    async def close(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()
''',
        '''\
import asyncio


class Poller:
    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    async def _poll(self) -> None:
        await asyncio.sleep(5)
        self._task = asyncio.create_task(self._poll())

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
''',
    ),
)
