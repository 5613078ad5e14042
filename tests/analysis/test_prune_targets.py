"""Which prunes of a collection can remove a given task (`analysis/obligations/prune_targets.py`):
a removal whose argument only ever holds another spawn's task (or None) is no end of this one;
any other binding may hold it."""

from __future__ import annotations

import textwrap

from taskleak.analysis.analyse import analyse_source
from taskleak.analysis.facts.fates import FateKind

HEAD = """
import asyncio
class Subject:
    def __init__(self):
        self._running = set()
        self._by_name = {}
"""

OWN_WORKER = """
    async def {name}(self):
        task = None
        async def worker():
            await asyncio.sleep(1)
            if task:
                self._running.remove(task)
        task = asyncio.ensure_future(worker())
        self._running.add(task)
"""


def kinds(body: str) -> list[FateKind]:
    analysis = analyse_source(textwrap.dedent(HEAD) + textwrap.dedent(body))
    return [fates[0].kind for fates in analysis.fates]


def test_each_workers_removal_is_an_end_of_its_own_task_only() -> None:
    # two methods: each removal takes out its own method's task, on success only
    body = OWN_WORKER.format(name="send") + OWN_WORKER.format(name="close")
    assert kinds(body) == [FateKind.PRUNED_ON_SUCCESS] * 2


def test_a_removal_of_a_done_callbacks_argument_may_be_of_any_task() -> None:
    body = OWN_WORKER.format(name="send") + """
    async def close(self):
        task = asyncio.ensure_future(asyncio.sleep(1))
        self._running.add(task)
        task.add_done_callback(self._forget)

    def _forget(self, task):
        self._running.discard(task)
"""
    # the parameter may hold send()'s task too: a prune of both, no longer only on success
    assert kinds(body) == [FateKind.COLLECTION_CLEANED, FateKind.COLLECTION_CLEANED]


def test_a_removal_of_a_looked_up_value_may_be_of_this_task() -> None:
    body = """
    def start(self, name):
        task = asyncio.ensure_future(asyncio.sleep(1))
        self._running.add(task)
        self._by_name[name] = task

    def drop(self, name):
        task = self._by_name.pop(name)
        self._running.discard(task)
"""
    assert kinds(body)[0] is FateKind.COLLECTION_CLEANED
