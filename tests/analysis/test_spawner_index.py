"""Configured spawners are matched through an index by last name (`spawners.SpawnerIndex`):
10,000 of them cost seconds a run when every call was tried against each. The index only
narrows which are tried: the spawns found, and which configured spawner each is (the first that
matches, in configuration order), are the ones trying every spawner gives."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from helpers import case_files, parses

from taskleak.analysis.analyse import analyse_source
from taskleak.analysis.obligations import helper_calls as matching_module
from taskleak.analysis.obligations.spawners import (
    Spawner,
    SpawnerIndex,
    parse_spawner,
    spawner_index,
)
from taskleak.files.source import decode

CALLS = textwrap.dedent("""
    import asyncio
    from app import tasks
    from app.tasks import spawn as go
    from .helpers import run_later
    from . import helpers as h
    import hass_like as hl

    class C:
        def __init__(self, hass, entry):
            self._hass = hass
            self.entry = entry

        async def f(self, config_entry):
            self._hass.async_create_task(work())
            self.entry.async_create_background_task(self._hass, work(), "n")
            config_entry.async_create_task(self._hass, work())
            tasks.spawn(work())
            go(work())
            run_later(work())
            h.run_later(work())
            hl.core.HomeAssistant.create_task(work())
            obj().create(work())
            [x][0].spawn(work())
            asyncio.create_task(work())
            other.thing.spawn(work())
""")

CONFIGURED = ("app.tasks.spawn", "helpers.run_later", "hass.async_create_task",
              "entry.async_create_background_task", "core.HomeAssistant.create_task",
              "x.create", "thing.spawn:keeps-and-cleans", "z.spawn:keeps-never-ends",
              "run_later", "entry.async_create_task")


class _Everything(SpawnerIndex):
    """What matching did before the index: every spawner tried, in order."""

    def named(self, methods: object) -> list[Spawner]:
        return list(self.spawners)


def _found(code: str, spawners: tuple[str, ...]) -> list[tuple[int, str, Spawner | None]]:
    analysis = analyse_source(code, spawners)
    return [(sp.site.seq, sp.spawner, sp.helper) for sp in analysis.spawns]


def _compare(code: str, spawners: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> int:
    indexed = _found(code, spawners)
    with monkeypatch.context() as patch:
        patch.setattr(matching_module, "spawner_index", _Everything)
        everything = _found(code, spawners)
    assert indexed == everything
    return len(indexed)


@pytest.mark.parametrize("order", [1, -1])
def test_the_index_finds_what_trying_every_spawner_finds(order: int,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    fillers = tuple(f"svc{i}.spawn_thing_{i}" for i in range(300))
    spawners = (*CONFIGURED[::order], *fillers)
    assert _compare(CALLS, spawners, monkeypatch) >= 9  # configured spawners matched


@pytest.mark.parametrize("path", [p for p in case_files() if parses(p)],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_cases_with_spawners_configured(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _compare(decode(path.read_bytes())[0], CONFIGURED, monkeypatch)


def test_an_index_is_built_once_per_configuration() -> None:
    parsed = tuple(parse_spawner(f"svc{i}.spawn_thing_{i}") for i in range(1000))
    index = spawner_index(parsed)
    assert spawner_index(parsed) is index  # the settings' one tuple, file after file
    assert [s.name for s in index.named(["spawn_thing_7", "nothing"])] == ["svc7.spawn_thing_7"]
    assert "spawn_thing_999" in index.methods and len(index.methods) == 1000
