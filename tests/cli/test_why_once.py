"""Why a finding matters is said once per run, not in every message (issue: "explanations
repeated on every finding ... appear once per run"): the human formats print each distinct
reason once, after the findings; `-q` and `concise` print none; JSON and SARIF keep it per row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from taskleak.cli import main

HANDLERS = """\
import asyncio
import weakref

WATCHERS = weakref.WeakSet()


async def on_message(msg, loop):
    asyncio.create_task(send(msg))
    asyncio.ensure_future(send(msg))
    asyncio.run_coroutine_threadsafe(send(msg), loop)
    asyncio.create_task(send(msg)).add_done_callback(print)
    WATCHERS.add(asyncio.create_task(send(msg)))
"""
TASK = ("TL101: a discarded task is held only weakly by the event loop, so it can vanish "
        "mid-run, and nothing awaits it, so its errors reach only the log.")
FUTURE = ("TL101: nothing reads a discarded concurrent Future, so its errors are never logged or "
          "raised, and its Task, held only weakly by the event loop, can vanish mid-run.")
CALLBACK = ("TL101: a done-callback does not keep a task alive: the event loop holds it only "
            "weakly, so once dropped it can vanish mid-run.")
WEAK = ("TL101: a weak reference owns nothing, so a task held only weakly can be "
        "garbage-collected mid-run, and nothing awaits it, so its errors reach only the log.")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "handlers.py").write_text(HANDLERS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TASKLEAK_OUTPUT_FORMAT", raising=False)
    return tmp_path


def taskleak(*args: str) -> Result:
    return CliRunner().invoke(main, ["check", "handlers.py", "--no-cache", *args])


def test_full_says_each_reason_once_after_the_findings(project: Path) -> None:
    lines = taskleak().stdout.splitlines()
    assert lines[:11] == [
        "handlers.py:8:5: TL101 [*] high: task send() is discarded",
        "  task send() · tracked: discarded · cleaned: none · risk: high",
        "handlers.py:9:5: TL101 [*] high: task send() is discarded",
        "  task send() · tracked: discarded · cleaned: none · risk: high",
        "handlers.py:10:5: TL101 [*] high: the concurrent Future of send() is discarded",
        "  task send() · tracked: discarded · cleaned: none · risk: high",
        "handlers.py:11:5: TL101 [*] high: task send() is dropped after add_done_callback()",
        "  task send() · tracked: discarded (only add_done_callback) · cleaned: none · risk: high",
        "handlers.py:12:18: TL101 [*] high: task send() is held only weakly",
        "  task send() · tracked: weakly, by the weak collection global WATCHERS · cleaned: none "
        "· risk: high",
        "  - held by the weak collection global WATCHERS",
    ]
    # two findings share the first reason: it is printed once, in order of first use
    assert lines[11:15] == [TASK, FUTURE, CALLBACK, WEAK]
    assert lines[15].startswith("5 task spawns in 1 file: 5 high")


def test_the_table_says_each_reason_once_too(project: Path) -> None:
    out = taskleak("--output-format", "table").stdout
    for reason in (TASK, FUTURE, CALLBACK, WEAK):
        assert out.count(reason) == 1, reason
    assert out.count("can vanish mid-run") == 3  # the three reasons that say it, not per row


def test_quiet_and_concise_print_no_reason(project: Path) -> None:
    for args in (("-q",), ("--output-format", "concise"), ("--output-format", "table", "-q")):
        out = taskleak(*args).stdout
        assert "mid-run" not in out, args
        row = "handlers.py:8:5: TL101 [*] high: task send() is discarded"
        # the table shows its rows in its own cells, no concise line after it (issue 71)
        assert (row in out) is ("table" not in args), args
        assert "handlers.py:8" in out, args


def test_json_and_sarif_keep_the_reason_on_each_row(project: Path) -> None:
    rows = json.loads(taskleak("--output-format", "json").stdout)["findings"]
    assert [(r["line"], "TL101: " + r["because"] + ".") for r in rows] == [
        (8, TASK), (9, TASK), (10, FUTURE), (11, CALLBACK), (12, WEAK)]
    sarif = json.loads(taskleak("--output-format", "sarif").stdout)
    results = sarif["runs"][0]["results"]
    assert ["TL101: " + r["properties"]["because"] + "." for r in results] == [
        TASK, TASK, FUTURE, CALLBACK, WEAK]
    assert results[0]["message"]["text"] == "task send() is discarded"


def test_a_finding_without_a_shared_reason_has_no_because(project: Path) -> None:
    (project / "handlers.py").write_text(
        "import asyncio\n\n\nasync def main():\n    tasks = [asyncio.create_task(w())]\n",
        encoding="utf-8")
    rows = json.loads(taskleak("--output-format", "json").stdout)["findings"]
    assert [(r["message"], r["evidence"]) for r in rows] == [(
        "w() is dropped with the local collection tasks",
        ["the local collection tasks is dropped when main() returns", "nothing awaits the tasks"])]
    assert "because" not in rows[0]
    assert "TL101:" not in taskleak().stdout
