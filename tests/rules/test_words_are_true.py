"""Each message is a claim: the words for loops, races, cleanups in several places and blocking
waits say only what the code shows."""

from __future__ import annotations

from helpers import analyze_source

CODE = '''
import asyncio


class Conn:
    open = True


class Pinger:
    def __init__(self, conn: Conn) -> None:
        self.conn = conn
        self._q: asyncio.Queue[int] = asyncio.Queue()

    def start(self) -> None:
        self._ping_task = asyncio.create_task(self._ping())
        self._drain_task = asyncio.create_task(self._drain())
        self._beat_task = asyncio.create_task(self._beat())

    async def _ping(self) -> None:
        while self.conn.open:
            await asyncio.sleep(1)

    async def _drain(self) -> None:
        while True:
            if self._q.empty():
                return
            await self._q.get()

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(1)


async def race(many: list[asyncio.Task[None]]) -> None:
    a = asyncio.create_task(asyncio.sleep(1))
    b = asyncio.create_task(asyncio.sleep(2))
    await asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED)
    c = asyncio.create_task(asyncio.sleep(3))
    await asyncio.wait([c], return_when=asyncio.FIRST_COMPLETED)
    d = asyncio.create_task(asyncio.sleep(4))
    await asyncio.wait([d], timeout=1)
    e = asyncio.create_task(asyncio.sleep(5))
    await asyncio.wait([e, *many], return_when=asyncio.FIRST_COMPLETED)


class Cleaner:
    def __init__(self) -> None:
        self._tasks: list[asyncio.Task[None]] = []
        self._names: list[str] = []

    def add(self, name: str) -> None:
        self._tasks.append(asyncio.create_task(asyncio.sleep(1)))
        self._names.append(name)

    def cleanup(self) -> None:
        for name, task in zip(self._names, self._tasks):
            task.cancel()
        for i, task in enumerate(self._tasks):
            task.cancel()

    def close(self) -> None:
        for task in self._tasks:
            task.cancel()
'''


def _messages() -> dict[int, str]:
    """Each finding's line: its rule, risk and claim, then its evidence, `; `-separated."""
    return {f.line: f"{f.rule} {f.risk.value}: {f.message}" + "".join(f"; {e}" for e in f.evidence)
            for f in analyze_source(CODE, "words.py")}


def test_a_loop_is_described_by_its_test_and_only_when_it_cannot_leave() -> None:
    found = _messages()
    assert found[15] == (
        "TL201 medium: self._ping_task is never awaited or cancelled; self._ping() runs "
        "`while self.conn.open:` with no break or return; nothing in class Pinger reads it "
        "again")
    assert found[16] == (  # it returns when the queue is empty: no claim about a loop
        "TL201 medium: self._drain_task is never awaited or cancelled; nothing in class Pinger "
        "reads it again")
    assert found[17] == (
        "TL201 medium: self._beat_task is never awaited or cancelled; self._beat() runs "
        "`while True` with no break or return, so only a cancel or an error ends it; nothing in "
        "class Pinger reads it again")


def test_a_race_names_how_many_it_leaves_running() -> None:
    found = _messages()
    assert found[35].endswith(
        "left running after the wait; waited by asyncio.wait(return_when=FIRST_COMPLETED); it "
        "returns as soon as the first one finishes, with the other one still running; nothing "
        "cancels it after the wait")
    assert found[38].startswith("TL001 low")  # one task: FIRST_COMPLETED waits for it
    assert "it returns at its timeout with it still running" in found[40]
    assert "with any others still running" in found[42]


def test_a_cancel_through_zip_or_enumerate_is_a_cancel_and_places_are_counted() -> None:
    assert _messages()[52] == (
        "TL001 low: kept in collection self._tasks and cancelled in cleanup() and close()")


RECEIVED = '''
import asyncio


async def job() -> None:
    await asyncio.sleep(1)


def register(background: set[asyncio.Task[None]]) -> None:
    background.add(asyncio.create_task(job()))


def own() -> None:
    mine: set[asyncio.Task[None]] = set()
    mine.add(asyncio.create_task(job()))
'''


def test_a_collection_passed_in_by_an_unknown_caller_is_said_to_be_passed_in() -> None:
    """A collection that is a caller's nobody found is said to be passed in by a caller not
    found, and not followed (a low row: no claim that it only grows rests on finding no
    caller); a local collection of the spawning function is no caller's and says nothing of
    the kind."""
    received, local = analyze_source(RECEIVED)
    assert (received.rule, received.risk.value) == ("TL301", "low")  # (every rule selected)
    assert received.message == ("job() is kept in collection background, then passed in by a "
                                "caller not found in the checked code: not followed")
    assert "passed in" not in local.tracked and "passed in" not in local.message


RACES = '''
import asyncio


async def after_the_wait(a, b) -> None:
    first = asyncio.create_task(a())
    done, pending = await asyncio.wait({first, b}, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()


async def in_a_finally(a, b) -> None:
    first = asyncio.create_task(a())
    pending = {first}
    try:
        done, pending = await asyncio.wait({first, b}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in pending:
            task.cancel()
'''


def test_losers_ended_only_after_the_wait_are_said_to_be_left_by_a_cancelled_waiter() -> None:
    """RUBRIC convention 2: losers cancelled after the wait, with no `finally`, are low, and the
    words say a cancelled waiter leaves them running; cancelled in a `finally` around the wait,
    they are ended on every way out, and the words claim no such gap."""
    after, in_finally = analyze_source(RACES)
    assert (after.rule, after.risk.value) == ("TL001", "low")
    assert after.message.endswith(
        "cancelled in after_the_wait() after asyncio.wait(return_when=FIRST_COMPLETED); if "
        "after_the_wait() is cancelled while it waits in asyncio.wait(return_when="
        "FIRST_COMPLETED) first, it is left running with nothing holding it")
    assert (in_finally.rule, in_finally.risk.value) == ("TL001", "low")
    assert "left running" not in in_finally.message
    assert "is cancelled while" not in in_finally.message
