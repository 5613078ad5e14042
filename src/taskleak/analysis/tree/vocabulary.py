"""The words taskleak recognises: spawn functions and methods, loops and task groups, what
consumes, stores or prunes a task, and the names of functions that run often or end an object.

Every word list lives here, once: the scan records calls by these names, resolution and spawn
recognition decide with them, classification reads lifecycle from them, the prefilter searches
files for them. Plain data, no libcst: the prefilter imports this module on every run.
"""

from __future__ import annotations

import re

from taskleak.analysis.tree.library_facts import TORNADO_RUNS_CALLED_BACK

# -- spawns ------------------------------------------------------------------------------------
# Functions whose qualified name makes a call a spawn, and the name reported for each.
SPAWN_QUALIFIED = {
    "asyncio.create_task": "asyncio.create_task",
    "asyncio.tasks.create_task": "asyncio.create_task",
    "asyncio.ensure_future": "asyncio.ensure_future",
    "asyncio.tasks.ensure_future": "asyncio.ensure_future",
    "asyncio.run_coroutine_threadsafe": "asyncio.run_coroutine_threadsafe",
    "asyncio.tasks.run_coroutine_threadsafe": "asyncio.run_coroutine_threadsafe",
    # the constructor `create_task` calls (aiohttp's eager start: `asyncio.Task(coro, loop=...)`)
    "asyncio.Task": "asyncio.Task",
    "asyncio.tasks.Task": "asyncio.Task",
}
# The reported names of the spawners whose call a decision asks about: the one that gives a
# concurrent Future, those that take any awaitable (a Future comes back as itself), and the
# wrappers whose words differ (`wait_for` returns a coroutine; `shield` protects one task).
THREADSAFE_SPAWNER = "asyncio.run_coroutine_threadsafe"
ENSURE_FUTURE = frozenset({"asyncio.ensure_future", "loop.ensure_future"})
SHIELD = "asyncio.shield"
WAIT_FOR = "asyncio.wait_for"
GATHER = "asyncio.gather"
# The Task class: a call of it spawns, but the word is everywhere in annotations, so the
# prefilter counts it only where it is called or aliased (`asyncio.Task(`, `T = asyncio.Task`).
TASK_CLASS = "Task"
# Calls that wrap the coroutines they are given in tasks as soon as they are called (gather,
# shield) or when their coroutine is awaited (wait_for): a spawn when given coroutines and not
# awaited on the spot, their tasks held by nobody but the future or coroutine they return.
WRAPPING_SPAWNS = {
    "asyncio.gather": "asyncio.gather", "asyncio.tasks.gather": "asyncio.gather",
    "asyncio.shield": "asyncio.shield", "asyncio.tasks.shield": "asyncio.shield",
    "asyncio.wait_for": "asyncio.wait_for", "asyncio.tasks.wait_for": "asyncio.wait_for",
    # iterated by a `for` loop only (what it returns is no task, and nothing else holds them)
    "asyncio.as_completed": "asyncio.as_completed",
    "asyncio.tasks.as_completed": "asyncio.as_completed",
}
WRAPPING_NAMES = frozenset({"gather", "shield", "wait_for", "as_completed"})
# Calls that call the function they are given with the arguments that follow
# (`contextvars.Context().run(loop.create_task, coro)`), once per item of them
# (`map(asyncio.create_task, coros)`), or bind them for later (`partial`: only task groups'
# methods, whose tasks the group owns whenever they start).
VIA_CALLS = frozenset({"run", "map", "partial"})
# asyncio's and the standard library's calls that call back the function they are given later
# and ignore what it returns (a Task the callback makes is dropped), and the position of the
# function among their arguments: `loop.call_later(delay, loop.create_task, coro)`,
# `loop.add_signal_handler(sig, lambda: asyncio.create_task(stop()))`, `threading.Timer(1,
# lambda: run_coroutine_threadsafe(coro, loop))`, `threading.Thread(target=...)`
CALLED_BACK_LATER = {"call_soon": 0, "call_soon_threadsafe": 0, "call_later": 1, "call_at": 1,
                     "add_signal_handler": 1, "add_reader": 1, "add_writer": 1,
                     "add_done_callback": 0, "Timer": 1, "Thread": 1}
# Names a spawn can be called by: the scan records every call by one of these names (or by a
# configured spawner's last name) and spawn recognition decides by resolution.
SPAWN_FUNCTIONS = frozenset({"create_task", "ensure_future", "run_coroutine_threadsafe",
                             TASK_CLASS})
SPAWN_METHODS = frozenset({"create_task", "ensure_future", "start_soon", "start"})
# Methods of an event loop that spawn.
# (not `ensure_future`: an event loop has none; `loop.ensure_future(...)` raises AttributeError)
LOOP_METHODS = frozenset({"create_task"})
# Methods of a task group / nursery that spawn (structured: safe by construction).
STRUCTURED_METHODS = {"taskgroup": ("create_task", "start_soon", "start"),
                      "nursery": ("start_soon", "start")}
# Of those, the one only a task group or a nursery has (anyio's, trio's): on a receiver nobody
# typed it is a structured spawn (`spawns._untyped_kind`); `create_task` is a loop's too, and
# `start` is everywhere.
UNTYPED_STRUCTURED = frozenset({"start_soon"})
# `start` is everywhere: the prefilter counts it only next to a task-group or nursery name.
START_METHOD = "start"

# Framework objects that are never an event loop or a task group, though they have methods named
# like a loop's: Home Assistant's core object (`hass.create_task(...)` is its own tracked helper,
# `spawners.KNOWN`). A call on a receiver of this last name spawns only as a configured spawner;
# the prefilter does not count `hass.create_task` either (on homeassistant: 65 files parsed, not
# 74, 1.09 MB of source, not 1.34 MB; about 0.2 s of a 2.1 s cold run).
NOT_LOOPS = frozenset({"hass"})

# -- event loops and task groups ----------------------------------------------------------------
LOOP_FACTORIES = frozenset({
    "asyncio.get_event_loop", "asyncio.get_running_loop", "asyncio.new_event_loop",
    "asyncio.events.get_event_loop", "asyncio.events.get_running_loop",
    "asyncio.events.new_event_loop", "uvloop.new_event_loop", "asyncio.SelectorEventLoop",
    "asyncio.ProactorEventLoop", "asyncio.EventLoop", "uvloop.Loop",
})
LOOP_FACTORY_SUFFIXES = ("new_event_loop", "get_event_loop", "get_running_loop")
# an event loop policy (what makes it, or its type) and its methods that give a loop
LOOP_POLICIES = frozenset({
    "asyncio.get_event_loop_policy", "asyncio.events.get_event_loop_policy",
    "asyncio.DefaultEventLoopPolicy", "asyncio.AbstractEventLoopPolicy",
    "asyncio.events.AbstractEventLoopPolicy", "uvloop.EventLoopPolicy",
})
POLICY_LOOP_METHODS = frozenset({"get_event_loop", "new_event_loop"})
LOOP_TYPES = frozenset({
    "asyncio.AbstractEventLoop", "asyncio.events.AbstractEventLoop", "asyncio.BaseEventLoop",
    "asyncio.base_events.BaseEventLoop", "asyncio.SelectorEventLoop",
    "asyncio.ProactorEventLoop", "asyncio.EventLoop", "uvloop.Loop",
})
LOOP_TYPE_SUFFIX = "EventLoop"
# Tornado's IOLoop: what makes one, its methods that call back and what they keep, read from
# tornado's source: `library_facts.py`.
# traitlets' declaration of an attribute holding an instance of a class (`loop =
# Instance(IOLoop)`, `Instance("tornado.ioloop.IOLoop")`): reading it gives that instance
TRAIT_INSTANCE = frozenset({"traitlets.Instance", "traitlets.traitlets.Instance"})
# Where the scan looks for a function called back, by method name (the call decides by
# resolution: coroutine_callbacks.py); `call_later`/`call_at` take it second in both.
CALLBACK_POSITIONS = {**TORNADO_RUNS_CALLED_BACK, **CALLED_BACK_LATER}
# Methods that return the event loop of their object (`server.get_loop()`, `self._get_loop()`).
LOOP_GETTERS = frozenset({"get_loop", "_get_loop"})
TASKGROUP_FACTORIES = {
    "asyncio.TaskGroup": "taskgroup",
    "asyncio.taskgroups.TaskGroup": "taskgroup",
    "anyio.create_task_group": "taskgroup",
    "trio.open_nursery": "nursery",
}
# Factories and types known by their own name, wherever they are imported from (anyio's own
# `from ._tasks import create_task_group`, a project's re-export).
TASKGROUP_FACTORY_NAMES = {"create_task_group": "taskgroup", "open_nursery": "nursery"}
TASKGROUP_TYPE_NAMES = {"TaskGroup": "taskgroup", "Nursery": "nursery"}
TASKGROUP_TYPES = {
    "asyncio.TaskGroup": "taskgroup",
    "asyncio.taskgroups.TaskGroup": "taskgroup",
    "anyio.abc.TaskGroup": "taskgroup",
    "anyio.TaskGroup": "taskgroup",
    "trio.Nursery": "nursery",
}
# Factory names holding these words are task groups' too (starlette's
# `create_collapsing_task_group`): `resolve._instance_of`.
TASKGROUP_NAME_PARTS = ("nursery", "task_group")
# What the prefilter looks for to let `x.start(...)` through: every task-group factory, type
# and receiver name above contains one of these substrings or is one of these words.
TASK_GROUP_SUBSTRINGS = ("TaskGroup", "taskgroup", "task_group", "Nursery", "nursery")
TASK_GROUP_WORDS = ("tg", "_tg")

# -- what happens to a value ------------------------------------------------------------------
# Calls that consume a task and wait for it (when awaited, or run by the loop).
GATHERERS = frozenset(
    {"gather", "wait", "wait_for", "shield", "as_completed", "run_until_complete", "timeout"}
)
# `asyncio.wait(return_when=...)` values that return with the other tasks still running.
FIRST_RETURNS = frozenset({"FIRST_COMPLETED", "FIRST_EXCEPTION"})
# Context managers that cancel their body at a deadline (besides any name holding "timeout":
# `asyncio.timeout`, `async_timeout.timeout`, `hass.timeout.async_timeout`).
TIMEOUT_CONTEXTS = frozenset({"fail_after", "fail_at", "move_on_after", "move_on_at"})
# Collection methods that add the argument to the receiver (a queue's, `QUEUE_PUTS`, hand an
# argument on instead: `flow._arg`).
COLLECTION_ADDS = frozenset(
    {"append", "add", "extend", "appendleft", "extendleft", "insert", "update", "setdefault",
     "put", "put_nowait", "__setitem__"}
)
# A queue's methods that hand the argument to whoever gets it from the queue: a transfer to a
# consumer the analysis does not follow (`await results.put((id, task))`), not a collection
# that keeps it (a consumer's `get()` takes it out).
QUEUE_PUTS = frozenset({"put", "put_nowait"})
# Collection methods that remove entries (pruning).
PRUNES = frozenset(
    {"discard", "remove", "pop", "popleft", "popitem", "clear", "difference_update",
     "intersection_update", "__delitem__"}
)
# Methods whose result is an element of (or a view on) the receiver collection.
ELEMENT_METHODS = frozenset({"pop", "popleft", "popitem", "get", "__getitem__"})
VIEW_METHODS = frozenset({"values", "items", "copy", "keys"})
# Builtins whose result is a copy of their (collection) argument.
PASSTHROUGH_CALLS = frozenset({"list", "tuple", "set", "frozenset", "sorted", "reversed", "iter"})
# Calls that only look at their argument (no reference is kept).
INSPECTING_CALLS = frozenset(
    {"len", "bool", "repr", "str", "print", "isinstance", "id", "hash", "format", "any", "all",
     "debug", "info", "warning", "warn", "error", "exception", "critical", "log"}
)
# Task methods that only look at the task.
INSPECT_METHODS = frozenset(
    {"done", "cancelled", "exception", "get_name", "set_name", "get_coro",
     "get_stack", "print_stack", "get_context", "remove_done_callback", "cancelling", "uncancel"}
)
# A Task's or a collection's own methods, and builtins, that never return a task: a statement
# calling one drops nothing worth exporting. Not the names a project's own method may have that
# returns one (`Pool.release` returning its wake-up task, a `close()` that spawns the closing):
# the join resolves those calls by type, and a lock's `release()` resolves to no function.
NOT_SPAWNING_METHODS = frozenset({"cancel", "add_done_callback", "set_result", "set_exception"}) \
    | COLLECTION_ADDS | PRUNES | INSPECT_METHODS | INSPECTING_CALLS

# What holds a task only weakly, so owns nothing: weak references, and the weak collections
# whose values are the tasks (a WeakKeyDictionary's values are held strongly).
# class decorators that generate an `__init__` storing each field from its parameter
# (the standard library's; `init=False` turns it off)
INIT_GENERATORS = frozenset({"dataclasses.dataclass"})
# annotations of a class's own variables, which such an `__init__` leaves out
CLASS_VARIABLES = frozenset({"typing.ClassVar", "typing_extensions.ClassVar"})
WEAK_REFERENCES = frozenset({"weakref.ref", "weakref.proxy"})
WEAK_CONTAINERS = frozenset({"weakref.WeakSet", "weakref.WeakValueDictionary"})
# ... and for tasks kept as a dictionary's keys (`states[task] = ...`)
WEAK_KEY_DICTIONARIES = frozenset({"weakref.WeakKeyDictionary"})
WEAK_KEY_CONTAINERS = WEAK_CONTAINERS | WEAK_KEY_DICTIONARIES

# Builtins that copy or rebuild a collection (`self._tasks = set(filter(...))` prunes).
REBUILDERS = frozenset({"set", "list"})

# Calls that run an event loop until it stops, so the function calling them keeps its locals
# for the whole run: loop methods by name, and `asyncio.run`-like functions by qualified name.
LOOP_RUNNERS = frozenset({"run_forever", "run_until_complete", "run"})
# What runs a callable in a worker thread and returns when it does (asyncio.to_thread,
# loop.run_in_executor, anyio's and trio's to_thread.run_sync): a bound `future.result` handed
# to one, awaited, is a wait for that future.
THREAD_RUNNERS = frozenset({"to_thread", "run_in_executor", "run_sync"})
LOOP_RUN_METHODS = frozenset({"run_forever", "run_until_complete"})
LOOP_RUN_FUNCTIONS = frozenset({"asyncio.run", "anyio.run", "trio.run", "uvloop.run"})

# -- lifecycle of the functions around a spawn --------------------------------------------------
# Evidence of how often a function runs (`lifecycle.py`):
# decorators that register it per request, message or command (by their last name; also any
# `*_handler`), and decorators that run it once (start-up, shut-down)
PER_EVENT_DECORATORS = frozenset({
    "route", "get", "post", "put", "delete", "patch", "head", "options", "websocket",
    "websocket_route", "api_route", "event", "command", "hybrid_command", "slash_command",
    "listen", "listener", "message", "subscribe", "on", "on_message", "loop",
})
ONCE_DECORATORS = frozenset({"on_startup", "startup", "on_shutdown", "shutdown",
                             "before_serving", "after_serving", "before_server_start",
                             "after_server_start", "lifespan"})
# protocol callbacks: per chunk of data, or once per connection object
PER_DATA_CALLBACKS = frozenset({"data_received", "datagram_received", "eof_received",
                                "buffer_updated", "pipe_data_received"})
ONCE_CALLBACKS = frozenset({"connection_made", "connection_lost", "error_received",
                            "process_exited"})
# calls that register a function to be called per event (by parts of their last name), unless
# they unregister it or call it once (`async_listen_once`, `call_soon`, `add_done_callback`)
REGISTRAR_PARTS = ("listen", "subscribe", "handler", "connect", "track_", "add_route",
                   "add_reader", "register_callback", "add_callback", "observe", "watch")
REGISTRAR_NAMES = frozenset({"on", "add_get", "add_post", "add_put", "add_delete", "add_patch",
                             "add_api_route", "add_websocket_route", "add_event_handler"})
# `register_on_<event>`, `add_on_<event>_listener`, `set_on_<event>`: the handler of an event
# slot, whatever the event is called (`on_disconnect` included)
EVENT_REGISTRAR = re.compile(r"(^|_)(register|add|set)_on_[a-z]")
NOT_REGISTRAR_PARTS = ("once", "remove", "unsub", "unregister", "disconnect", "unwatch",
                       "done_callback")
# an attribute of another object set to a function registers it for that object's events
# (`ws.onclose = self._handle_close`, paho-mqtt's `client.on_message = self._on_message`)
EVENT_ATTRIBUTE = re.compile(r"on_?[a-z][a-z_]*")
# Functions that end an object's life: cleanup there counts as shutdown.
CLOSE_LIKE = re.compile(
    r"^_*(a?close|stop|shutdown|disconnect|cleanup|teardown|cancel|terminate|dispose|"
    r"__aexit__|__exit__|__del__|async_will_remove_from_hass|async_unload|unload|quit|exit)"
)
# The close-like methods a fix adds cancellation to, in order of preference (each matches
# CLOSE_LIKE).
CLOSE_METHODS = ("close", "aclose", "stop", "shutdown", "disconnect", "__aexit__")
# The calls that tell an object to finish its work (`self._server.close()`: object_stops.py).
STOP_CALLS = frozenset({"close", "aclose", "stop", "shutdown", "cancel", "disconnect",
                        "terminate", "kill", "exit"})
# Methods that initialise an instance (where a fix creates its tracked set).
INIT_METHODS = frozenset({"__init__", "__post_init__"})
# `while` tests that make a coroutine long-running: `while self._running`.
RUNNING_FLAGS = frozenset({"running", "run", "alive"})

def is_registrar(callee: str) -> bool:
    """Whether a call of this name registers the function it is given per event
    (`hass.bus.async_listen`, `app.add_handler`, `signal.connect`, `emitter.on`,
    `iot.register_on_disconnect`)."""
    name = callee.rsplit(".", 1)[-1].lower()
    if EVENT_REGISTRAR.search(name):
        return True  # its event's name is no verb of the call: `register_on_disconnect`
    if any(part in name for part in NOT_REGISTRAR_PARTS):
        return False
    return name in REGISTRAR_NAMES or any(part in name for part in REGISTRAR_PARTS)


def ends_lifecycle(name: str) -> bool:
    """Whether a function of this name is part of closing its object (`close`, `__aexit__`)."""
    return CLOSE_LIKE.match(name) is not None

# Receivers taken for an event loop by their last name when nothing types them
# (`self.hass.loop`, `bot.loop`): a decision on a name, kept only where no fact answers yet.
# Removing it lost labelled rows of read sets (homeassistant's homee config flow,
# discord.py's command tree): `self.hass` is typed only through a base class of another
# module (`FlowHandler.hass: HomeAssistant`), which the receiver chains do not follow yet.
LOOP_NAMES = frozenset({"loop", "_loop", "event_loop", "_event_loop"})
# ... and a task group or nursery (`self._nursery.start_soon(...)`), the same way
TASKGROUP_NAMES = frozenset({"tg", "_tg", "task_group", "_task_group", "nursery", "_nursery",
                             "taskgroup", "_taskgroup"})


# What a call on a flag of `self` a loop tests does to it ("up": `.set()`, "down": `.clear()`,
# "end": `.cancel()`, `.close()`), and which of those (or a truthy "up" / falsy "down" store)
# stop a loop that runs while the flag is true ("loop") or false ("loop!"): read in one module
# (`lifetimes.stopper`) and across modules (`summaries/flag_stops.py`, `project/flag_stops.py`)
FLAG_CALLS = {"set": "up", "clear": "down", "cancel": "end", "close": "end"}
FLAG_STOPS = {"loop": ("down", "end"), "loop!": ("up", "end")}
