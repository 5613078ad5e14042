"""TL101 says what is true of each spawner: a dropped asyncio Task's error reaches the log, a
dropped concurrent Future's never does, and a put into an unbounded queue loses nothing."""

from __future__ import annotations

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


def test_a_threadsafe_put_into_an_unbounded_queue_is_low_with_the_idiom() -> None:
    for size in ("", "0", "maxsize=0"):
        found = _by_line(BRIDGE.format(size=size))
        assert found[11] == (Risk.LOW, (
            "the Future of self._queue.put() is dropped, but the put cannot fail")), size
        assert _evidence(BRIDGE.format(size=size))[11] == (
            "self._queue is an unbounded asyncio queue: the put completes at once",
            "`loop.call_soon_threadsafe(self._queue.put_nowait, item)` does the same without a "
            "Future"), size
        assert found[14][0] is Risk.HIGH  # create_task of the same put: a Task, judged as one


def test_a_queue_not_made_here_is_not_known_to_be_unbounded() -> None:
    code = BRIDGE.replace("asyncio.Queue({size})", "make_queue()")
    assert _by_line(code)[11][0] is Risk.HIGH
