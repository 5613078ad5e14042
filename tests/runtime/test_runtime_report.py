"""The JSON runtime report: writing, merging, loading bad files, and confirm()."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from taskleak.model import Finding, Risk
from taskleak.runtime import (
    LeakedTask,
    RuntimeLeak,
    RuntimeReportError,
    Site,
    confirm,
    load_runtime_report,
    write_runtime_report,
)
from taskleak.runtime.report import describe_runtime_only


def finding(
    path: str, line: int, end_line: int | None = None, coroutine: str = "work()"
) -> Finding:
    return Finding(
        path=path,
        line=line,
        column=9,
        end_line=end_line or line,
        end_column=40,
        rule="TL101",
        risk=Risk.HIGH,
        spawner="asyncio.create_task",
        coroutine=coroutine,
        tracked="discarded",
        cleaned="none",
        message="task is discarded",
    )


def leaked(path: str, line: int, name: str = "Task-1", coroutine: str = "work") -> LeakedTask:
    return LeakedTask(name, coroutine, "app", Site(path, line, "handler"), None)


def test_write_then_load_round_trips_and_tallies_per_site(tmp_path: Path) -> None:
    app = str(tmp_path / "app.py")
    report = tmp_path / "out" / "runtime.json"
    written = write_runtime_report(
        report, [leaked(app, 3, "Task-1"), leaked(app, 3, "Task-2"), leaked(app, 9)]
    )
    assert written == load_runtime_report(report)
    assert [(x.line, x.count, x.task_name) for x in written] == [(3, 2, "Task-1"), (9, 1, "Task-1")]
    data = json.loads(report.read_text())
    assert data["version"] == 1
    assert data["kind"] == "taskleak-runtime-report"
    assert set(data["leaks"][0]) == {
        "path",
        "line",
        "function",
        "coroutine",
        "task_name",
        "count",
        "kind",
        "site",
    }
    assert data["leaks"][0]["path"] == app


def test_merge_adds_counts_and_overwrite_replaces(tmp_path: Path) -> None:
    app = str(tmp_path / "app.py")
    report = tmp_path / "runtime.json"
    write_runtime_report(report, [leaked(app, 3)])
    write_runtime_report(report, [leaked(app, 3), leaked(app, 4)], merge=True)
    assert [(x.line, x.count) for x in load_runtime_report(report)] == [(3, 2), (4, 1)]
    write_runtime_report(report, [leaked(app, 5)])
    assert [(x.line, x.count) for x in load_runtime_report(report)] == [(5, 1)]


def test_merging_into_a_file_that_is_not_a_report_leaves_it_alone(tmp_path: Path) -> None:
    other = tmp_path / "notes.json"
    other.write_text('{"hello": 1}')
    with pytest.raises(RuntimeReportError, match="not a taskleak runtime report"):
        write_runtime_report(other, [leaked("/app.py", 1)], merge=True)
    assert other.read_text() == '{"hello": 1}'
    assert [p.name for p in tmp_path.iterdir()] == ["notes.json"]  # no temporary file left


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "no such runtime report"),
        ("{not json", "not valid JSON (line 1, column 2"),
        ("[]", "not a taskleak runtime report"),
        ('{"kind": "taskleak-runtime-report", "version": 7, "leaks": []}', "version 7"),
        ('{"kind": "taskleak-runtime-report", "version": 1, "leaks": {}}', "must be a list"),
        ('{"kind": "taskleak-runtime-report", "version": 1, "leaks": [3]}', "leaks[0]: a leak"),
        (
            '{"kind": "taskleak-runtime-report", "version": 1, "leaks": [{"path": "a.py"}]}',
            "leaks[0]: leak entry lacks 'line'",
        ),
        (
            '{"kind": "taskleak-runtime-report", "version": 1,'
            ' "leaks": [{"path": "a.py", "line": "3"}]}',
            "'line' must be an integer",
        ),
        (
            '{"kind": "taskleak-runtime-report", "version": 1,'
            ' "leaks": [{"path": "a.py", "line": 3, "count": 0}]}',
            "'count' >= 1",
        ),
    ],
)
def test_bad_reports_get_a_clear_error_naming_the_file(
    tmp_path: Path, content: str | None, reason: str
) -> None:
    report = tmp_path / "runtime.json"
    if content is not None:
        report.write_text(content)
    with pytest.raises(RuntimeReportError) as info:
        load_runtime_report(report)
    assert str(info.value).startswith(str(report))
    assert reason in str(info.value)


def test_unreadable_report_messages(tmp_path: Path) -> None:
    report = tmp_path / "runtime.json"
    with pytest.raises(RuntimeReportError) as info:
        load_runtime_report(report)
    assert str(info.value) == f"{report}: no such runtime report"
    report.write_bytes(b"\xff")
    with pytest.raises(RuntimeReportError) as info:
        load_runtime_report(report)
    assert str(info.value) == (f"{report}: cannot read: 'utf-8' codec can't decode byte 0xff in "
                               "position 0: invalid start byte")
    report.write_text("{not json")
    with pytest.raises(RuntimeReportError) as info:
        load_runtime_report(str(report))
    assert str(info.value) == (f"{report}: not valid JSON (line 1, column 2: Expecting property "
                               "name enclosed in double quotes)")


def test_confirm_marks_matching_findings_and_returns_runtime_only_leaks(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    findings = [
        finding("pkg/server.py", 36),
        finding("pkg/server.py", 50, end_line=53),  # a call written over four lines
        finding("pkg/other.py", 7),
    ]
    server = str(tmp_path / "pkg" / "server.py")
    leaks = [
        RuntimeLeak(server, 36, "handle", "work", "Task-3", count=10),
        RuntimeLeak(server, 52, "handle", "work", "Task-9"),
        RuntimeLeak(server, 99, "handle", "ping", "Task-4"),  # no finding there
        RuntimeLeak("pkg/other.py", 8, "f", "work", "Task-5"),  # relative to root, wrong line
    ]
    updated, runtime_only = confirm(findings, leaks, tmp_path)
    assert [f.confirmed for f in updated] == [True, True, False]
    assert [(f.path, f.line) for f in updated] == [(f.path, f.line) for f in findings]
    assert [(x.line, x.coroutine) for x in runtime_only] == [(99, "ping"), (8, "work")]
    assert updated[0].to_json()["confirmed_at_runtime"] is True
    assert "confirmed_at_runtime" not in updated[2].to_json()
    assert findings[0].confirmed is False  # the input is not mutated


def test_confirm_prefers_the_spawn_of_the_leaked_coroutine_on_a_shared_line(
    tmp_path: Path,
) -> None:
    findings = [
        finding("a.py", 4, coroutine="self.ping()"),
        finding("a.py", 4, coroutine="self._finish_heavy_init()"),
    ]
    leak = RuntimeLeak(str(tmp_path / "a.py"), 4, "f", "Ctx._finish_heavy_init", "Task-1")
    updated, runtime_only = confirm(findings, [leak], tmp_path)
    assert [f.confirmed for f in updated] == [False, True]
    assert runtime_only == []


def test_confirm_matches_through_symlinks_and_not_other_files(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "app.py").write_text("x = 1\n")
    (tmp_path / "link").symlink_to(real)
    findings = [finding("real/app.py", 2)]
    updated, runtime_only = confirm(
        findings,
        [
            RuntimeLeak(str(tmp_path / "link" / "app.py"), 2, "f", "work", "Task-1"),
            RuntimeLeak(str(tmp_path / "real" / "app2.py"), 2, "f", "work", "Task-2"),
            RuntimeLeak("", 0, "", "async_generator_athrow", "Task-3", site="unknown"),
        ],
        tmp_path,
    )
    assert updated[0].confirmed
    assert [x.task_name for x in runtime_only] == ["Task-2", "Task-3"]


def test_a_confirmed_low_row_is_raised_and_its_cleanup_questioned(tmp_path: Path) -> None:
    tracked = dataclasses.replace(
        finding("a.py", 3),
        risk=Risk.LOW,
        tracked="attribute self._task",
        cleaned="cancelled in close()",
    )
    untouched = finding("a.py", 9)
    leak = RuntimeLeak(str(tmp_path / "a.py"), 3, "start", "work", "Task-1")
    (raised, high), _ = confirm([tracked, untouched], [leak], tmp_path)
    assert raised.risk is Risk.MEDIUM  # shown by default, not among the hidden low rows
    assert raised.cleaned.startswith("cancelled in close(); but still pending at runtime")
    assert "did not run" in raised.cleaned
    assert (high.risk, high.cleaned, high.confirmed) == (Risk.HIGH, "none", False)
    leak_on_high = RuntimeLeak(str(tmp_path / "a.py"), 9, "start", "work", "Task-2")
    ((_, confirmed_high), _) = confirm([tracked, untouched], [leak_on_high], tmp_path)
    assert (confirmed_high.risk, confirmed_high.cleaned) == (Risk.HIGH, "none")


def test_runtime_only_rows_say_gather_and_handler_definitions(tmp_path: Path) -> None:
    source = tmp_path / "app.py"
    source.write_text(
        "import asyncio\n"
        "async def handler(reader, writer):\n"
        "    await reader.read()\n"
        "async def main():\n"
        "    await asyncio.gather(one(), two())\n"
        "    asyncio.ensure_future(three())\n"
    )
    gather = RuntimeLeak(str(source), 5, "main", "two", "Task-2")
    handler = RuntimeLeak(str(source), 2, "handler", "handler", "Task-3", site="definition")
    plain = RuntimeLeak(str(source), 6, "main", "three", "Task-4", site="origin")
    assert describe_runtime_only(gather, tmp_path) == (
        "app.py:5: leaked at runtime, spawned by gather(): 1 x two() created in main "
        "(gather() leaves its other awaitables running when one raises; no static rule "
        "reports that)"
    )
    assert describe_runtime_only(handler, tmp_path).startswith(
        "app.py:2: leaked at runtime, a handler defined here [definition]: 1 x handler()"
    )
    assert describe_runtime_only(plain, tmp_path) == (
        "app.py:6: leaked at runtime, no static finding [origin]: 1 x three() created in main"
    )
