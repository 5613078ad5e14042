"""Paragraphs several rule pages share."""

from __future__ import annotations

# The asyncio documentation's warning on `create_task` (Python 3.10+), quoted verbatim.
ASYNCIO_DOCS_WARNING = (
    "Important: Save a reference to the result of this function, to avoid a task disappearing "
    "mid-execution. The event loop only keeps weak references to tasks. A task that isn't "
    "referenced elsewhere may get garbage collected at any time, even before it's done."
)

WEAK_REFERENCE_REASON = f"""\
The event loop keeps only **weak references** to tasks: the registry behind
`asyncio.all_tasks()` does not keep a task alive, and while the task waits on a future that
nothing else holds, the task and the future only reference each other, a cycle the garbage
collector may reclaim. A Task that nothing else references can be collected at any time, even
before it is done: the coroutine stops mid-execution, silently, with at most a
"Task was destroyed but it is pending!" line in the log. The asyncio documentation says so on
`create_task`:

> {ASYNCIO_DOCS_WARNING}

Even when the task survives, nobody can await or cancel it: its exceptions reach only the log
("Task exception was never retrieved"), never the code that started it; shutdown cannot stop
it, and everything its coroutine references (`self`, a websocket, a whole service context)
stays alive while it runs. A spawn that runs once per message or per connection multiplies all
of this."""

KEPT_NOT_CLEANED_REASON = """\
Keeping a reference stops the garbage collector from destroying the task, but a task that nobody
awaits or cancels outlives its owner: when a client disconnects or the object is closed, the task
keeps running and keeps everything its coroutine references alive (`self`, connections, caches).
A `while True` coroutine never ends on its own, so each leaked task is memory and CPU lost until
the process exits, and the event loop closes with "Task was destroyed but it is pending!". Its
exceptions are never retrieved, so failures go unnoticed."""

# The fix notes of the two rules of a dropped spawn (task-discarded, task-unreferenced): where
# no statement can go, and a task that runs forever.
KEEP_HELPER_NOTE = """\
The safe fix only keeps a reference. In a package every spawn calls the package's one
keep-helper, `keep_task()`, which `taskleak fix` writes once (`<package>/_background_tasks.py`,
or the module `helper-module` names) and imports where needed. Elsewhere it names the task in a
local (three lines) only where that local dies at once (the spawn is the last thing its
function does, and the module has no other dropped spawn), else it wraps the spawn in a
keep-helper added once per module (`_keep_task(asyncio.create_task(...))`), which is also how a
spawn where no statement can go (a lambda, a comprehension, a conditional expression, `:=`, an
`if`/`while`/`with` header, a default argument) is kept. A set the module or class already keeps
tasks in, or the project's own helper (`keep-helper = "pkg.module.keep"`), is used instead. A
coroutine that runs forever (`while True` with no way out) gets no safe fix: kept, it would run
until the process exits; the reason says where to cancel it. `asyncio.wait_for(...)` returns a
coroutine, which never runs when dropped: it gets no safe fix. Inside a task group's block the
unsafe fix moves the spawn into the group (`tg.create_task(...)`)."""


def kept_by(helper: str) -> str:
    """What a helper's call is tracked as ("kept by start()"): the finding's `tracked`."""
    return f"kept by {helper}()"
