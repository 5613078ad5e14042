"""The rule registry: one source of truth for codes, names, default risks and rule pages.

Rule pages (`taskleak explain`, `docs/rules/`, SARIF rule help) are rendered from this module by
`taskleak.rules.docs`. Each rule's `example` and `fix_example` are whole modules kept as plain
strings so that tests can run the analysis on them: the example must raise the rule, the fixed
version must not.
"""

from __future__ import annotations

from dataclasses import dataclass

from taskleak.model import Risk

DOCS_BASE_URI = "https://github.com/taskleak/taskleak/blob/main/docs/rules/"
ASYNCIO_CREATE_TASK_URI = "https://docs.python.org/3/library/asyncio-task.html#asyncio.create_task"
ASYNCIO_CANCEL_URI = "https://docs.python.org/3/library/asyncio-task.html#asyncio.Task.cancel"
ASYNCIO_TASKGROUP_URI = "https://docs.python.org/3/library/asyncio-task.html#task-groups"
RUF006_URI = "https://docs.astral.sh/ruff/rules/asyncio-dangling-task/"

# The asyncio documentation's warning on `create_task` (Python 3.10+), quoted verbatim.
ASYNCIO_DOCS_WARNING = (
    "Important: Save a reference to the result of this function, to avoid a task disappearing "
    "mid-execution. The event loop only keeps weak references to tasks. A task that isn't "
    "referenced elsewhere may get garbage collected at any time, even before it's done."
)


@dataclass(frozen=True)
class FixKind:
    """A kind of fix `taskleak fix` can apply, with its applicability (ruff's safe/unsafe)."""

    kind: str  # the `FixInfo.kind` value
    safe: bool  # safe fixes run by default; unsafe ones need --unsafe-fixes or per-rule opt-in
    title: str
    safety: str  # why it is safe or unsafe, one or two sentences


FIX_KINDS: dict[str, FixKind] = {
    f.kind: f
    for f in (
        FixKind(
            "tracked-set", True, "keep the task in a set that prunes itself",
            "The task still runs concurrently, exactly as before; it is now strongly referenced "
            "until it finishes, and removed from the set by its own done-callback.",
        ),
        FixKind(
            "await", False, "await the coroutine instead of spawning it",
            "The caller now waits for the work to finish, which changes concurrency: ordering, "
            "latency and exception propagation. Offered only inside `async def`, never for a "
            "`while True` coroutine or a spawn inside a loop.",
        ),
        FixKind(
            "cancel-previous", False, "cancel the running task before spawning its replacement",
            "The previous task is cancelled where it used to keep running. That is almost always "
            "the intent (one heartbeat per connection), but taskleak cannot prove that the old "
            "task was not meant to finish its work.",
        ),
        FixKind(
            "cancel-in-close", True, "cancel the task in the class's close-like method",
            "The task is cancelled (and, in an async method, awaited) when its owner is closed, "
            "the end of the owner's life; nothing changes while the owner is in use.",
        ),
        FixKind(
            "discard-callback", True, "prune the collection when each task finishes",
            "Only finished tasks leave the set, so nothing that is running changes; the set stops "
            "growing without bound.",
        ),
    )
}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    risk: Risk  # default risk; a finding may raise or lower it (e.g. per-iteration spawns)
    summary: str  # one sentence: SARIF shortDescription, `taskleak rules`
    what_it_does: str  # Markdown paragraphs
    why_bad: str  # Markdown paragraphs
    example: str  # a whole module that raises this rule
    fix_example: str  # the example after the fix (reported low); "" when no fix is needed
    fix_kinds: tuple[str, ...] = ()  # FIX_KINDS keys, preferred first
    fix_notes: str = ""  # when taskleak offers no fix, or caveats beyond the fix kinds
    references: tuple[tuple[str, str], ...] = ()  # (title, URI)

    @property
    def help_uri(self) -> str:
        return f"{DOCS_BASE_URI}{self.code}.md"

    @property
    def fixes(self) -> tuple[FixKind, ...]:
        return tuple(FIX_KINDS[k] for k in self.fix_kinds)


_WEAK_REFERENCE_REASON = f"""\
The event loop keeps only **weak references** to tasks: the registry behind
`asyncio.all_tasks()` does not keep a task alive, and while the task waits on a future that
nothing else holds, the task and the future only reference each other, a cycle the garbage
collector may reclaim. A Task that nothing else references can be collected at any time, even
before it is done: the coroutine stops mid-execution, silently, with at most a
"Task was destroyed but it is pending!" line in the log. The asyncio documentation says so on
`create_task`:

> {ASYNCIO_DOCS_WARNING}

Even when the task survives, nobody can await or cancel it: its exceptions are never seen
("Task exception was never retrieved"), shutdown cannot stop it, and everything its coroutine
references (`self`, a websocket, a whole service context) stays alive while it runs. A spawn
that runs once per message or per connection multiplies all of this."""

_KEPT_NOT_CLEANED_REASON = """\
Keeping a reference stops the garbage collector from destroying the task, but a task that nobody
awaits or cancels outlives its owner: when a client disconnects or the object is closed, the task
keeps running and keeps everything its coroutine references alive (`self`, connections, caches).
A `while True` coroutine never ends on its own, so each leaked task is memory and CPU lost until
the process exits, and the event loop closes with "Task was destroyed but it is pending!". Its
exceptions are never retrieved, so failures go unnoticed."""


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule(
            "TL101", "task-discarded", Risk.HIGH,
            "The Task returned by a spawn is dropped, so nothing keeps it alive.",
            what_it_does="""\
Checks for task spawns whose Task is dropped as soon as it is created:
`asyncio.create_task(...)`, `asyncio.ensure_future(...)`, `loop.create_task(...)`,
`asyncio.run_coroutine_threadsafe(...)` (under any import alias) and the spawners configured in
`[tool.taskleak] spawners`, when the call

- is an expression statement (the result is not used at all);
- has `.add_done_callback(...)` chained on it, which returns `None`, not the Task;
- is the body of a `lambda` used as a callback (callbacks' return values are dropped);
- is bound to a local that is only used for `add_done_callback`, `set_name` or logging and is
  dropped when the function returns;
- is put in a local collection that is never gathered, returned or stored.""",
            why_bad=_WEAK_REFERENCE_REASON,
            example='''\
import asyncio
import json


class Agent:
    def __init__(self, send) -> None:
        self._send = send

    async def speak(self, message: dict[str, str]) -> None:
        asyncio.create_task(self._send(json.dumps(message)))
''',
            fix_example='''\
import asyncio
import json


class Agent:
    def __init__(self, send) -> None:
        self._send = send
        self._background_tasks: set[asyncio.Task[None]] = set()

    async def speak(self, message: dict[str, str]) -> None:
        task = asyncio.create_task(self._send(json.dumps(message)))
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)
''',
            fix_kinds=("tracked-set", "await"),
            fix_notes="""\
Inside a method of a class with `__init__`, the set lives on the instance and, when the class
has a `close`, `aclose`, `stop`, `shutdown`, `disconnect` or `__aexit__` method, the set's tasks
are cancelled there. At module level or in a plain function, the set is a module-level
`_background_tasks`. When the work is short and the caller can wait (the seeds' websocket send),
the unsafe fix `await self._send(json.dumps(message))` is simpler still.""",
            references=(
                ("asyncio.create_task", ASYNCIO_CREATE_TASK_URI),
                ("ruff RUF006 asyncio-dangling-task", RUF006_URI),
            ),
        ),
        Rule(
            "TL102", "task-unreferenced", Risk.HIGH,
            "The Task is bound to a name that is never read again.",
            what_it_does="""\
Checks for task spawns whose Task is bound to a name that is never read again:
`task = asyncio.create_task(...)` with no later use of `task`, `_ = asyncio.create_task(...)`,
or a walrus `(task := asyncio.create_task(...))` whose name is unused.""",
            why_bad=_WEAK_REFERENCE_REASON + """

Binding the Task to `_` or to an unused local silences other linters (ruff's RUF006), but the
local disappears when the function returns, and with it the only strong reference.""",
            example='''\
import asyncio


async def forward(message: str) -> None:
    await asyncio.sleep(0)


async def on_message(message: str) -> None:
    task = asyncio.create_task(forward(message))
''',
            fix_example='''\
import asyncio

_background_tasks: set[asyncio.Task[None]] = set()


async def forward(message: str) -> None:
    await asyncio.sleep(0)


async def on_message(message: str) -> None:
    task = asyncio.create_task(forward(message))
    _background_tasks.add(task)
    task.add_done_callback(_background_tasks.discard)
''',
            fix_kinds=("tracked-set", "await"),
            fix_notes="""\
The tracked-set fix keeps the existing name and adds the Task to a set that prunes itself (a
module-level `_background_tasks` here, an instance set inside a class).""",
            references=(
                ("asyncio.create_task", ASYNCIO_CREATE_TASK_URI),
                ("ruff RUF006 asyncio-dangling-task", RUF006_URI),
            ),
        ),
        Rule(
            "TL103", "task-overwritten", Risk.MEDIUM,
            "A stored Task is replaced by a new spawn without cancelling the running one.",
            what_it_does="""\
Checks for a Task stored in an attribute (`self._task = ...`), a module global or a dict entry
(`tasks[uid] = ...`) that is spawned again, in a method that runs repeatedly (`connect`,
`reconnect`, `restart`, `on_*`, `handle_*`, `*_message`, `switch`, ...) or inside a loop, without
the previous Task being cancelled or read first. A local rebound in a loop where only the last
Task is awaited or kept is reported too, at high risk.""",
            why_bad="""\
Overwriting the reference does not stop the running task: it loses the only handle to it. After a
reconnect, the old heartbeat loop still runs next to the new one; after the next one, three run.
A `close()` that cancels `self._task` cancels only the latest. Each orphaned task keeps its
coroutine's objects alive and, once nothing references it, can also be garbage collected
mid-execution, because the event loop keeps only weak references to tasks.

A spawn inside a loop is reported at high risk: it leaks one task per iteration.""",
            example='''\
import asyncio


class Connection:
    def __init__(self) -> None:
        self._heartbeat: asyncio.Task[None] | None = None

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
    def __init__(self) -> None:
        self._heartbeat: asyncio.Task[None] | None = None

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
            fix_kinds=("cancel-previous",),
            fix_notes="""\
A singleton guard (`if self._task is None:` before the spawn) is a valid alternative when the
running task should be kept rather than replaced; taskleak reports that pattern as low.""",
            references=(
                ("asyncio.Task.cancel", ASYNCIO_CANCEL_URI),
                ("asyncio.create_task", ASYNCIO_CREATE_TASK_URI),
            ),
        ),
        Rule(
            "TL201", "task-never-cleaned", Risk.MEDIUM,
            "The Task is kept, but nothing ever awaits or cancels it.",
            what_it_does="""\
Checks for a Task stored in an attribute or a module global when nothing in the class (or the
module) awaits it, cancels it (also through a local alias such as `task = self._task;
task.cancel()`), or passes it to `asyncio.gather`/`asyncio.wait`. A spawn guarded by
`if self._task is None:` is a self-managed singleton and is not reported.""",
            why_bad=_KEPT_NOT_CLEANED_REASON,
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
import contextlib


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
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper
        self._sessions.clear()
''',
            fix_kinds=("cancel-in-close",),
            fix_notes="""\
The fix needs a class with a `close`, `aclose`, `stop`, `shutdown`, `disconnect` or `__aexit__`
method; without one, taskleak reports the finding with no fix and says why (where the task
should end is a design decision).""",
            references=(
                ("asyncio.Task.cancel", ASYNCIO_CANCEL_URI),
                ("asyncio.create_task", ASYNCIO_CREATE_TASK_URI),
            ),
        ),
        Rule(
            "TL202", "collection-never-pruned", Risk.MEDIUM,
            "Tasks are added to a collection that is never pruned, awaited or cancelled.",
            what_it_does="""\
Checks for Tasks added to a collection kept on an instance or a module (`self._tasks.add(task)`,
`.append(task)`, `tasks[key] = task`, a list literal or comprehension) when nothing removes
finished tasks from it (`discard`, `remove`, `pop`, `clear`, `del`, a done-callback such as
`task.add_done_callback(self._tasks.discard)`, a rebuild that drops done tasks), gathers or waits
it, or cancels its elements.""",
            why_bad="""\
The collection keeps every task alive, which is half of the cure, but it also keeps every
*finished* task alive, with its result or exception and everything its coroutine referenced. A
collection fed once per message or per connection grows without bound: a slow memory leak that
only shows after days. And since nothing cancels its tasks, the running ones outlive their owner
just like an untracked task would.""",
            example='''\
import asyncio


class MessageQueue:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    async def on_message(self, message: str) -> None:
        task = asyncio.create_task(self._forward(message))
        self._tasks.add(task)

    async def _forward(self, message: str) -> None:
        await asyncio.sleep(0)
''',
            fix_example='''\
import asyncio


class MessageQueue:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    async def on_message(self, message: str) -> None:
        task = asyncio.create_task(self._forward(message))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _forward(self, message: str) -> None:
        await asyncio.sleep(0)
''',
            fix_kinds=("discard-callback",),
            fix_notes="""\
taskleak adds the `discard` done-callback to sets only; for a list or a dict, prune it by hand
(or switch to a set). Cancelling the collection's tasks on shutdown is still up to you.""",
            references=(
                ("asyncio.create_task", ASYNCIO_CREATE_TASK_URI),
            ),
        ),
        Rule(
            "TL001", "task-tracked", Risk.LOW,
            "The Task is kept and cleaned up (informational).",
            what_it_does="""\
Reports, for completeness, every task spawn that is handled well: awaited at once, returned to
the caller, passed on, gathered or waited, stored and cancelled on shutdown, kept in a
collection that prunes itself, a self-managed singleton, or a structured spawn
(`asyncio.TaskGroup.create_task`, anyio/trio `start_soon`/`start`). These are the green rows of
the report; they never fail the gate unless `fail-on = "low"`.""",
            why_bad="""\
It is not bad: the row shows that the task was looked at and found tracked and cleaned, so the
report covers every spawn in the code base, like the seeds' hand-made scan table.""",
            example='''\
import asyncio


async def fetch(url: str) -> str:
    await asyncio.sleep(0)
    return url


async def fetch_all(urls: list[str]) -> list[str]:
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch(url)) for url in urls]
    return [task.result() for task in tasks]
''',
            fix_example="",
            fix_notes="Nothing to fix.",
            references=(
                ("asyncio task groups", ASYNCIO_TASKGROUP_URI),
            ),
        ),
    )
}


def rule_for(code: str) -> Rule | None:
    """The rule with this code, case-insensitively (`tl101` works)."""
    return RULES.get(code.strip().upper())
