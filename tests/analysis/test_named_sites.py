"""A module's round with its own spawn helpers turns the calls the walk left pending into sites
(`analysis/tree/named_sites.py`) instead of walking the module again: the facts are the same as
the new walk's, on every case of the suite, and the round walks nothing when it can."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import libcst as cst
import pytest
from helpers import FIXTURES, TESTS, parses

import taskleak.analysis.analyse as analyse_module
from taskleak.analysis.analyse import analyse
from taskleak.analysis.tree.named_sites import Branch, becoming_sites, spawn_branch
from taskleak.analysis.tree.parse import parse_source
from taskleak.analysis.tree.scan import walked
from taskleak.files.source import SourceError

# a module whose spawn helper is called before and after its `def`, from a method and through
# `self`, in a loop and under a `with`: the round needs every kind of place the walk kept
OWN_HELPER = '''\
import asyncio

class Pool:
    def __init__(self):
        self._tasks = set()

    async def fill(self, jobs):
        for job in jobs:
            with self.lock:
                self.start(job)
        t = start_one(jobs[0])
        await t

    def start(self, job):
        task = asyncio.create_task(job.run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task


def start_one(job):
    return asyncio.create_task(job.run())


async def main(jobs):
    start_one(jobs[1])
    asyncio.gather(start_one(j) for j in jobs)
'''


def _sources() -> list[Path]:
    found = [*(TESTS / "rules").rglob("*.py"), *(TESTS / "analysis").rglob("*.py"),
             *FIXTURES.rglob("*.py")]
    return sorted(p for p in found if parses(p))


def _facts(module: cst.Module, text: str) -> Any:
    analysis = analyse(module, (), text)
    return json.loads(json.dumps(analysis.facts().to_json(), default=repr))


def _walks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the walks `analyse` makes (appended to the list returned)."""
    count: list[int] = []
    real = analyse_module.walked

    def counting(module: cst.Module, names: frozenset[str] = frozenset()) -> Any:
        count.append(1)
        return real(module, names)

    monkeypatch.setattr(analyse_module, "walked", counting)
    return count


def test_own_helper_rounds_walk_once_and_find_the_new_walks_sites(
        monkeypatch: pytest.MonkeyPatch) -> None:
    module = cst.parse_module(OWN_HELPER)
    walks = _walks(monkeypatch)
    kept = _facts(module, OWN_HELPER)
    assert len(walks) == 1  # the round made its sites without a second walk
    assert len(kept["spawns"]) > 2  # the helpers' calls are spawns (the round did happen)
    monkeypatch.setattr(analyse_module, "add_sites", lambda *args: None)
    assert _facts(module, OWN_HELPER) == kept
    assert len(walks) > 2


def test_every_case_gives_the_same_facts_as_a_new_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    pending: list[tuple[cst.Module, str, Any]] = []
    walks = _walks(monkeypatch)
    for path in _sources():
        try:
            module, text = parse_source(path.read_bytes())
        except SourceError:  # the traps hold files libcst refuses
            continue
        pending.append((module, text, _facts(module, text)))
    kept_walks = len(walks)
    monkeypatch.setattr(analyse_module, "add_sites", lambda *args: None)
    for module, text, kept in pending:
        assert _facts(module, text) == kept
    assert len(walks) - kept_walks > kept_walks - len(pending) + 10  # rounds did happen


def test_a_call_read_otherwise_with_more_names_asks_for_a_new_walk() -> None:
    # `context.run(launch, coro)`: once `launch` is a spawner, the call runs it (a `VIA` site),
    # which the pending call cannot become: the module is walked again
    code = "import contextvars\n\ndef f(ctx, coro):\n    ctx.run(launch, coro)\n"
    scanner = walked(cst.parse_module(code))
    call = next(c for c in scanner.pending if c.name == "run")
    assert spawn_branch("run", call.node, frozenset({"launch"})) is Branch.VIA
    assert becoming_sites(scanner.pending, frozenset(), frozenset({"launch"})) is None
    # its near miss: a plain call of the new name becomes a site
    code = "def f(coro):\n    launch(coro)\n"
    scanner = walked(cst.parse_module(code))
    became = becoming_sites(scanner.pending, frozenset(), frozenset({"launch"}))
    assert became is not None and [c.name for c in became] == ["launch"]
