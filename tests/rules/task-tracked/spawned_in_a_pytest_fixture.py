"""A pytest fixture spawns an emitter loop, yields, then cancels and awaits it. pytest drives a
generator fixture to its end after the test, passed or failed (`_pytest/fixtures.py`
`_teardown_yield_fixture`; pytest-asyncio's finalizer for an async one): the code after the
`yield` always runs, so the loop is ended. (The near miss, the same generator as a context
manager, whose `with` body can raise at the `yield`: task-never-cleaned's
`spawned_in_a_context_manager_generator`.)"""

import asyncio
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from pytest import fixture


async def emit() -> None:
    while True:
        await asyncio.sleep(1)


@pytest.fixture
async def emitter() -> AsyncIterator[None]:
    task = asyncio.create_task(emit())
    yield
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


@pytest_asyncio.fixture(scope="module")
async def module_emitter() -> AsyncIterator[None]:
    task = asyncio.create_task(emit())
    yield
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


@fixture()
async def imported_emitter() -> AsyncIterator[None]:
    task = asyncio.create_task(emit())
    yield
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
