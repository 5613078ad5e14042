"""A local collection kept by a closure that escapes its frame
(`analysis/obligations/closures.py`): returned, passed on, decorated or a lambda keeps it; a
nested function only called in place does not."""

from __future__ import annotations

import textwrap

import pytest

from taskleak.analysis.analyse import analyse_source
from taskleak.analysis.facts.fates import FateKind

TEMPLATE = """
import asyncio

async def job():
    await asyncio.sleep(0)

def outer(app):
    tasks = set()
{inner}
"""


@pytest.mark.parametrize(("inner", "kind"), [
    # returned
    ("    def fire():\n        tasks.add(asyncio.create_task(job()))\n    return fire",
     FateKind.COLLECTION_GROWS),
    # passed on
    ("    def fire():\n        tasks.add(asyncio.create_task(job()))\n    app.on(fire)",
     FateKind.COLLECTION_GROWS),
    # decorated: a registration
    ("    @app.route\n    def fire():\n        tasks.add(asyncio.create_task(job()))",
     FateKind.COLLECTION_GROWS),
    # a lambda handed on as it is made
    ("    app.on(lambda: tasks.add(asyncio.create_task(job())))", FateKind.COLLECTION_GROWS),
    # a coroutine function whose coroutine is spawned: it runs after the frame
    ("    async def fire():\n        tasks.add(asyncio.create_task(job()))\n"
     "    app.keep(asyncio.ensure_future(fire()))", FateKind.COLLECTION_GROWS),
    # near miss: called in place, while the frame lives
    ("    def fire():\n        tasks.add(asyncio.create_task(job()))\n    fire()\n    fire()",
     FateKind.LOCAL_COLLECTION_DROPPED),
    # run by another nested function that escapes
    ("    async def fire():\n        tasks.add(asyncio.create_task(job()))\n"
     "    async def run():\n        await fire()\n    return run", FateKind.COLLECTION_GROWS),
    # a coroutine of a nested function returned: it runs after the frame
    ("    async def fire():\n        tasks.add(asyncio.create_task(job()))\n"
     "    async def run():\n        await fire()\n    return run()", FateKind.COLLECTION_GROWS),
])
def test_a_local_collection_outlives_its_frame_only_through_an_escaping_closure(
        inner: str, kind: FateKind) -> None:
    analysis = analyse_source(textwrap.dedent(TEMPLATE).format(inner=inner))
    # the fate of the spawn of job(), the one that stores into the local set
    assert [fates[0].kind for fates in analysis.fates
            if fates[0].coroutine == "job()"] == [kind]


def test_a_coroutine_function_awaited_in_place_runs_while_the_frame_lives() -> None:
    # near miss: `fire()` is awaited where it is called, so the set goes with the frame
    analysis = analyse_source(textwrap.dedent("""
        import asyncio

        async def job():
            await asyncio.sleep(0)

        async def outer():
            tasks = set()
            async def fire():
                tasks.add(asyncio.create_task(job()))
            await fire()
            await fire()
    """))
    assert [fates[0].kind for fates in analysis.fates] == [FateKind.LOCAL_COLLECTION_DROPPED]
