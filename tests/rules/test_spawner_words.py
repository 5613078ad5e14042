"""TL101 says what is true of each spawner: a dropped asyncio Task's error reaches the log, a
dropped concurrent Future's never does, whatever its coroutine (a put into an unbounded queue
included: a loop that stops before it runs never runs it, and only the Future would say so)."""

from __future__ import annotations

import pytest
from helpers import analyze_source

from taskleak.model import Risk

BRIDGE = '''
import asyncio


class Bridge:
    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._queue: asyncio.Queue[bytes] = asyncio.Queue({size})

    def on_data(self, data: bytes) -> None:
        asyncio.run_coroutine_threadsafe(self._queue.put(data), self._loop)

    def on_event(self) -> None:
        asyncio.create_task(self._queue.put(b""))
'''


def _by_line(code: str) -> dict[int, tuple[Risk, str]]:
    return {f.line: (f.risk, f.message) for f in analyze_source(code, "bridge.py")
            if f.rule == "TL101"}


def _evidence(code: str) -> dict[int, tuple[str, ...]]:
    return {f.line: f.evidence for f in analyze_source(code, "bridge.py") if f.rule == "TL101"}


def _because(code: str) -> dict[int, str]:
    return {f.line: f.because for f in analyze_source(code, "bridge.py") if f.rule == "TL101"}


def test_a_dropped_task_logs_its_error_a_dropped_concurrent_future_does_not() -> None:
    code = BRIDGE.format(size="maxsize=10")
    found = _by_line(code)
    assert found[11] == (Risk.HIGH, "the concurrent Future of self._queue.put() is discarded")
    assert found[14] == (Risk.HIGH, "task self._queue.put() is discarded")
    because = _because(code)
    assert because[11] == (
        "nothing reads a discarded concurrent Future, so its errors are never logged or raised, "
        "and its Task, held only weakly by the event loop, can vanish mid-run")
    assert because[14] == (
        "a discarded task is held only weakly by the event loop, so it can vanish mid-run, and "
        "nothing awaits it, so its errors reach only the log")


def test_a_threadsafe_put_into_an_unbounded_queue_is_a_dropped_future_like_any_other() -> None:
    # (low until stop 108, "the put cannot fail"; the rubric grades a discarded Future high
    # whatever it runs, as every blind reader of the fifteen such rows of four libraries did)
    for size in ("", "0", "maxsize=0", "maxsize=10"):
        found = _by_line(BRIDGE.format(size=size))
        assert found[11] == (
            Risk.HIGH, "the concurrent Future of self._queue.put() is discarded"), size
        assert found[14][0] is Risk.HIGH  # create_task of the same put: a Task, judged as one
    code = BRIDGE.replace("asyncio.Queue({size})", "make_queue()")
    assert _by_line(code)[11][0] is Risk.HIGH


def test_a_put_handed_to_a_stopped_loop_never_runs_and_only_its_future_says_so() -> None:
    # the claim the rule page makes of an unbounded put: it does not fail, but a loop that stops
    # before running it never does, and only the Future (dropped here) shows it
    import asyncio
    import threading

    loop = asyncio.new_event_loop()
    queue: asyncio.Queue[int] = asyncio.Queue()
    runner = threading.Thread(target=loop.run_forever)
    runner.start()
    loop.call_soon_threadsafe(loop.stop)
    runner.join(timeout=5)
    future = asyncio.run_coroutine_threadsafe(queue.put(1), loop)
    assert not future.done() and queue.empty()
    with pytest.warns(RuntimeWarning, match="Queue.put' was never awaited"):
        loop.close()  # (the callback that would run the put is dropped with the loop)
