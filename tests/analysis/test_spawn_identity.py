"""What a spawn is decides by the spawner's resolved identity (`vocabulary.THREADSAFE_SPAWNER`,
`ENSURE_FUTURE`, `SHIELD`, `WAIT_FOR`, `GATHER`), never by how its name ends: a configured
helper that happens to be named like asyncio's function is the helper, not asyncio's."""

from __future__ import annotations

from taskleak.analysis.analyse import analyse_source


def _threadsafe(code: str, spawners: tuple[str, ...] = ()) -> list[bool]:
    return [sp.threadsafe for sp in analyse_source(code, spawners).spawns]


def test_asyncios_threadsafe_spawn_under_any_alias_gives_a_concurrent_future() -> None:
    code = """
import asyncio
from asyncio import run_coroutine_threadsafe as submit

def start(loop, work):
    asyncio.run_coroutine_threadsafe(work(), loop)
    submit(work(), loop)
"""
    assert _threadsafe(code) == [True, True]


def test_a_configured_helper_named_like_it_is_the_helper() -> None:
    code = """
def start(bridge, work):
    bridge.run_coroutine_threadsafe(work())
"""
    found = analyse_source(code, ("bridge.run_coroutine_threadsafe",)).spawns
    assert [sp.spawner for sp in found] == ["bridge.run_coroutine_threadsafe"]
    assert _threadsafe(code, ("bridge.run_coroutine_threadsafe",)) == [False]
