"""What libraries do with what they are given, read from their source (issue 68: library
behaviour is a fact when read from the library, as typeshed is for types). One entry per fact,
each with the version and the file and lines of the library that show it. A callback
registration of a library not listed here keeps nothing (the value a callback returns is
ignored unless the library is known to keep it).

tornado 6.4 (`tornado/ioloop.py`, `tornado/gen.py` of the 6.4 wheel):
- `IOLoop._run_callback` (ioloop.py 742-770) calls the callback and, when it returns something
  `gen.convert_yielded` takes (a coroutine, a Future), hands that to `self.add_future(ret,
  self._discard_future_result)` (line 766): its error is raised into `_run_callback`'s
  `app_log.error`;
- `convert_yielded` makes a task of a coroutine with `_wrap_awaitable` (gen.py 843-853), which
  registers it in `IOLoop._pending_tasks` (`loop._register_task(fut)`, line 851; the set,
  ioloop.py 172; since tornado PR 3269) until it is done: the IOLoop keeps it;
- a `@gen.coroutine` function (gen.py 177-260) starts when called and returns a Future whose
  `Runner` the Future itself keeps (`future.add_done_callback(lambda _: runner)`, line 251);
  the IOLoop's `add_future` keeps a callback on that Future that logs its error: tornado's
  documented fire-and-forget path, kept until done like an `async def`'s task;
- `add_callback` (638), `spawn_callback` (665, "equivalent to add_callback"),
  `add_callback_from_signal` (650), `call_later` (596), `call_at` (611), `add_timeout` (555)
  run their callback through `_run_callback`; `add_future` (674-705) calls its callback with the
  done Future through `_run_callback` too.
Nothing cancels what the IOLoop keeps: a coroutine that runs until cancelled never ends
(`coroutine_callbacks.py` says which one, the rules say medium).

pyee 13.0.1 (`pyee/asyncio.py`, `pyee/base.py` of the 13.0.1 wheel):
- `AsyncIOEventEmitter._emit_run` (asyncio.py 72-108) calls a listener and, when it returns a
  coroutine (made a task by `ensure_future`, 83-90) or a Future (a Task is one, 92-93), keeps
  it in `self._waiting` (line 108) until its done-callback discards it (98): a lambda listener
  that returns a task hands it to the emitter, which keeps it until done;
- `on(event, f)` (base.py 83-115, through `add_listener`, 137) and `once(event, f)` (227-257,
  whose wrapper returns what `f` returns, line 250) register a listener so;
- the base `EventEmitter._emit_run` (base.py 166-172) ignores what a listener returns: only the
  asyncio emitter keeps it.

pytest 9.2.0 (`_pytest/fixtures.py`) and pytest-asyncio 1.5.0 (`pytest_asyncio/plugin.py`):
- `call_fixture_func` (fixtures.py 1060-1075) advances a generator fixture to its `yield` and
  registers `_teardown_yield_fixture` (1078-1093) with `request.addfinalizer`: after the test,
  passed or failed, it advances the generator again, to its end;
- `_wrap_asyncgen_fixture` (plugin.py 395-435) does the same for an async generator fixture:
  its finalizer awaits `gen_obj.__anext__()` to the end.
So the code after a fixture's `yield` always runs: pytest drives a fixture to its end.

pipecat-ai 1.14.0 (`pipecat/utils/base_object.py`, `pipecat/utils/asyncio/task_manager.py` of
the 1.14.0 wheel):
- `BaseObject.create_task(coroutine, name=None, context=None)` (base_object.py 131-152) hands
  the coroutine to `self.task_manager.create_task`, whose `TaskManager.create_task` (task_manager.py
  167-220) runs it as a task wrapped to log its error (`logger.error`, 199), keeps the task in
  `self._tasks` (`_add_task`, 218 and 290-296) until its done-callback `_task_done_handler`
  deletes it (298-306), and returns it (220): kept until done, and only forgotten then;
- `BaseObject.cancel_task(task, timeout=1.0)` (154-165) cancels the task and waits for it
  (`TaskManager.cancel_task`, 222-282);
- `FrameProcessor.cleanup()` (`pipecat/processors/frame_processor.py` 672-686) cancels only the
  processor's own input and process tasks: nothing cancels the rest of what `create_task`
  keeps ("tasks created via create_task are released by an override", 675-677; the worker
  runner only logs what is left, `_print_dangling_tasks`, `pipecat/workers/runner.py` 314);
- the package defines no other `create_task` method than those two (its `BaseTaskManager`'s is
  abstract, 46-98), and its processors, transports and services all derive from `BaseObject`.
"""

from __future__ import annotations

TORNADO_VERSION = "6.4"

# What `IOLoop.current()` and the constructors give, and the annotations that type an IOLoop.
TORNADO_LOOP_FACTORIES = frozenset({
    "tornado.ioloop.IOLoop.current", "tornado.ioloop.IOLoop.instance", "tornado.ioloop.IOLoop",
    "tornado.platform.asyncio.AsyncIOMainLoop", "tornado.platform.asyncio.AsyncIOLoop",
})
TORNADO_LOOP_TYPES = frozenset({
    "tornado.ioloop.IOLoop", "tornado.platform.asyncio.BaseAsyncIOLoop",
    "tornado.platform.asyncio.AsyncIOMainLoop", "tornado.platform.asyncio.AsyncIOLoop",
})
# The IOLoop's methods that call a function back through `_run_callback` (above), which keeps
# what it returns until done: method -> the position of the function it calls back.
# (not `PeriodicCallback`: it awaits what its callback returns)
TORNADO_RUNS_CALLED_BACK = {"add_callback": 0, "spawn_callback": 0,
                            "add_callback_from_signal": 0, "call_later": 1, "call_at": 1,
                            "add_timeout": 1, "add_future": 1}
# The decorator that makes a function return a running Future when called (gen.py 177-260);
# called back by an IOLoop, what it gives is kept like an `async def`'s task.
TORNADO_COROUTINE = "tornado.gen.coroutine"

# pyee's emitter that keeps what a listener returns (above), and its methods that register one
PYEE_VERSION = "13.0.1"
PYEE_KEEPING_EMITTERS = frozenset({"pyee.asyncio.AsyncIOEventEmitter"})
PYEE_REGISTRATIONS = frozenset({"on", "add_listener", "once"})


def keeps_what_listeners_return(chain: str) -> bool:
    """`chain` registers a listener with pyee's AsyncIOEventEmitter, which keeps what it
    returns until done: "pyee.asyncio.AsyncIOEventEmitter().on"."""
    emitter, _, method = chain.rpartition(".")
    return method in PYEE_REGISTRATIONS and emitter.removesuffix("()") in PYEE_KEEPING_EMITTERS \
        and emitter.endswith("()")


# The decorators that make a generator a fixture pytest drives to its end (above).
PYTEST_VERSION = "9.2.0"
FIXTURE_DECORATORS = frozenset({"pytest.fixture", "pytest_asyncio.fixture"})

# pipecat's helper that keeps what it spawns until done (above), named by its qualified name,
# the method a subclass calls it by, its package, and what the row says of it.
PIPECAT_VERSION = "1.14.0"
PIPECAT_PACKAGE = "pipecat"
PIPECAT_SPAWN_METHOD = "create_task"
PIPECAT_END_METHOD = "cancel_task"  # cancels the task it is given and waits for it
PIPECAT_SPAWNER = "pipecat.utils.base_object.BaseObject.create_task"
PIPECAT_KEEPS = "pipecat's task manager keeps it until it is done and logs its error"
