"""A finding's path where the user looks: SARIF's `codeFlows` (one thread flow: the spawn, each
store into a holder, each end, then the loss) and `relatedLocations`, and the editor's
`relatedInformation`, all from the obligation the JSON row carries (its `steps`). One finding
per rule, the lines held here by hand."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import analyze_source
from sarif_schema import sarif_validator

from taskleak.model import Finding, RunResult
from taskleak.report.sarif import render_sarif

FEED = '''\
import asyncio


class Feed:
    def __init__(self, bus) -> None:
        self._schedule: asyncio.Task[None] | None = None
        self._sweeper: asyncio.Task[None] | None = None
        self._flusher: asyncio.Task[None] | None = None
        bus.add_listener("state_changed", self._sync)

    def _sync(self, event) -> None:
        self._schedule = asyncio.create_task(self._apply(event))

    def start(self) -> None:
        task = asyncio.create_task(self._sweep())
        self._sweeper = task

    def flush_soon(self) -> None:
        asyncio.create_task(self._flush())

    def open(self) -> None:
        self._flusher = asyncio.create_task(self._flush())

    async def close(self) -> None:
        if self._schedule is not None:
            self._schedule.cancel()
        if self._flusher is not None:
            self._flusher.cancel()
            await asyncio.gather(self._flusher, return_exceptions=True)

    async def _apply(self, event) -> None:
        await asyncio.sleep(0)

    async def _sweep(self) -> None:
        while True:
            await asyncio.sleep(60)

    async def _flush(self) -> None:
        await asyncio.sleep(0)
'''
# rule -> the thread flow's (line, column, message), in order
PATHS = {
    "TL103": [
        (12, 26, "the task is created: asyncio.create_task(self._apply())"),
        (12, 9, "stored in self._schedule"),
        (12, 9, "lost: its holder overwritten by a new spawn while it may still run"),
    ],
    "TL201": [
        (15, 16, "the task is created: asyncio.create_task(self._sweep())"),
        (15, 9, "stored in task"),
        (16, 9, "stored in self._sweeper"),
        (16, 9, "lost: kept, but nothing awaits, cancels or gathers it"),
    ],
    "TL101": [
        (19, 9, "the task is created: asyncio.create_task(self._flush())"),
        (19, 9, "lost: discarded where it is spawned"),
    ],
    "TL001": [
        (22, 25, "the task is created: asyncio.create_task(self._flush())"),
        (22, 9, "stored in self._flusher"),
        (28, 13, "ended by self._flusher.cancel()"),
        (29, 19, "ended by asyncio.gather(self._flusher, return_exceptions=True)"),
    ],
}


def _findings() -> list[Finding]:
    return analyze_source(FEED, "feed.py")


def _sarif(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.chdir(tmp_path)
    return json.loads(render_sarif(RunResult(_findings(), [], 1, 1), root=tmp_path))


def _at(location: dict[str, Any]) -> tuple[int, int, str]:
    region = location["physicalLocation"]["region"]
    return region["startLine"], region["startColumn"], location["message"]["text"]


def test_each_rule_has_its_finding() -> None:
    assert sorted(f.rule for f in _findings()) == sorted(PATHS)


def test_the_code_flow_is_the_obligation_path(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    results = _sarif(tmp_path, monkeypatch)["runs"][0]["results"]
    flows = {r["ruleId"]: [_at(t["location"]) for t in
                           r["codeFlows"][0]["threadFlows"][0]["locations"]] for r in results}
    assert flows == PATHS


def test_related_locations_are_the_stores_and_ends(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    results = _sarif(tmp_path, monkeypatch)["runs"][0]["results"]
    related = {r["ruleId"]: [_at(loc) for loc in r.get("relatedLocations", [])]
               for r in results}
    assert "relatedLocations" not in next(r for r in results if r["ruleId"] == "TL101")
    assert related == {rule: [s for s in path if s[2].startswith(("stored", "ended"))]
                       for rule, path in PATHS.items()}
    for r in results:  # ids unique within the result, as SARIF asks
        ids = [loc["id"] for loc in r.get("relatedLocations", [])]
        assert len(ids) == len(set(ids))


def test_the_json_row_carries_the_same_steps() -> None:
    [kept] = [f for f in _findings() if f.rule == "TL201"]
    assert kept.to_json()["obligation"]["steps"] == [
        {"kind": "store", "line": 15, "column": 9, "name": "task"},
        {"kind": "store", "line": 16, "column": 9, "name": "self._sweeper"}]


def test_the_paths_validate_against_the_sarif_schema(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    sarif_validator().validate(_sarif(tmp_path, monkeypatch))  # skips without the schema
