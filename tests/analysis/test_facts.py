"""Per-module facts: questions a module cannot answer alone, what it exports, and the JSON form
the cache stores (a round trip must give the same facts)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import sample_files

from taskleak.analysis.analyse import analyse_source
from taskleak.analysis.facts.fates import FateKind, Hand, Keeper
from taskleak.analysis.facts.interface import Effect, EffectKind
from taskleak.analysis.facts.module import ModuleFacts, Question, QuestionKind
from taskleak.analysis.tree.parse import parse_source


def facts(code: str) -> ModuleFacts:
    return analyse_source(textwrap.dedent(code)).facts()


def test_an_attribute_nobody_ends_asks_who_ends_it() -> None:
    got = facts("""
        import asyncio
        class Handler:
            async def start(self):
                self._task = asyncio.create_task(self._run())
    """)
    (spawn,) = got.spawns
    assert spawn.fates[0].kind is FateKind.NEVER_CLEANED
    assert spawn.fates[0].keeper is Keeper.ATTRIBUTE
    assert spawn.questions == (Question(QuestionKind.ATTRIBUTE_CLEANUP, "Handler", "_task"),)


def test_an_attribute_ended_here_asks_nothing() -> None:
    got = facts("""
        import asyncio
        class Handler:
            async def start(self):
                self._task = asyncio.create_task(self._run())
            async def close(self):
                self._task.cancel()
    """)
    assert got.spawns[0].questions == ()


def test_a_returned_task_asks_what_callers_do_with_it() -> None:
    got = facts("""
        import asyncio
        def start(coro):
            return asyncio.ensure_future(coro)
        class Pool:
            def spawn(self, coro):
                task = asyncio.create_task(coro)
                return task
    """)
    assert [s.questions for s in got.spawns] == [
        (Question(QuestionKind.RETURNED_TASK, "start"),),
        (Question(QuestionKind.RETURNED_TASK, "Pool.spawn"),),
    ]
    assert got.exports.task_functions == ("start", "Pool.spawn")


def test_a_collection_passed_in_asks_who_owns_it() -> None:
    got = facts("""
        import asyncio
        async def trigger(client_uid, tasks):
            tasks[client_uid] = asyncio.create_task(run_turn(client_uid))
    """)
    (spawn,) = got.spawns
    assert spawn.fates[0].keeper is Keeper.PARAMETER
    assert spawn.questions == (
        Question(QuestionKind.PARAMETER_COLLECTION, "trigger", "tasks", 1),)


def test_a_dropped_task_asks_nothing() -> None:
    got = facts("""
        import asyncio
        async def main():
            asyncio.create_task(work())
    """)
    assert got.spawns[0].questions == ()


_WORKER = """
    import asyncio
    from lib import stop_all
    class Worker:
        def start(self):
            self._task = asyncio.create_task(self._run())
        def _take(self):
            return self._task
        def close(self):
            {end}
"""


@pytest.mark.parametrize(("code", "hand", "words"), [
    ("import asyncio\ndef start(coro):\n    t = asyncio.create_task(coro)\n    return t\n",
     Hand.RETURNED, "returned"),
    ("import asyncio\nfrom lib import register\nasync def start(coro):\n"
     "    t = asyncio.create_task(coro)\n    register(t)\n", Hand.PASSED, "passed to register()"),
    (_WORKER.format(end="stop_all(self._take())"), Hand.RETURNED_THEN_PASSED,
     "returned by _take() to close(), then passed to stop_all()"),
    # the near miss: the caller returns it on rather than passing it to a call
    (_WORKER.format(end="return self._take()"), Hand.RETURNED_BY,
     "returned by _take() to close(), then returned"),
])
def test_a_hand_off_is_a_fact_and_its_words_say_it(code: str, hand: Hand, words: str) -> None:
    """Decisions read `Fate.hand` (is it returned? passed to a call not followed?), never the
    words (`Fate.handed`), which say the same thing to a reader."""
    (spawn,) = facts(code).spawns
    (fate,) = spawn.fates
    assert (fate.hand, fate.handed) == (hand, words)


def test_exports_tell_what_the_module_ends_and_drops() -> None:
    got = facts("""
        import asyncio
        class Coordinator:
            async def close(self):
                self._listener.cancel()
                await self._poller
                self._tasks.discard(x)
        async def unload(entry):
            entry.runtime_data.listener.cancel()
            start_listening(entry)
            asyncio.gather(a(), b())
        def helper():
            task.add_done_callback(self._pending.discard)
    """)
    assert set(got.exports.effects) == {
        Effect(EffectKind.CANCEL, "self._listener", "close()", "Coordinator", "close"),
        Effect(EffectKind.AWAIT, "self._poller", "close()", "Coordinator", "close"),
        Effect(EffectKind.PRUNE, "self._tasks", "close()", "Coordinator", "close"),
        Effect(EffectKind.CANCEL, "entry.runtime_data.listener", "unload()"),
        Effect(EffectKind.PRUNE, "self._pending", "helper()"),
    }
    # the dropped gather is a spawn, judged where it is: not a call for other modules to judge
    assert [c.callee for c in got.exports.dropped_calls] == ["start_listening"]
    assert {e.attribute for e in got.exports.effects} == {
        "_listener", "_poller", "_tasks", "listener", "_pending"}


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_facts_survive_the_cache_round_trip(path: Path) -> None:
    module, text = parse_source(path.read_bytes())
    from taskleak.analysis.analyse import analyse

    original = analyse(module, (), text).facts()
    assert ModuleFacts.from_json(original.to_json()) == original
