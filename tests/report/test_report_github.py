"""GitHub Actions annotations: error for what fails the gate, warning for the rest; properties,
escaping."""

from __future__ import annotations

from pathlib import Path

import pytest
from findings_factory import TRACKED_SET_FIX, make_finding

from taskleak.model import Risk, RunResult, Skipped
from taskleak.report.github import (
    escape_data,
    escape_property,
    finding_annotation,
    render_github,
)


def test_high_finding_is_an_error_with_every_position_property() -> None:
    finding = make_finding(path="pkg/agent.py", line=12, column=9, end_line=12, end_column=46)
    assert finding_annotation(finding, "medium") == (
        "::error file=pkg/agent.py,line=12,col=9,endLine=12,endColumn=46,"
        "title=TL101 task-discarded::Task is discarded: nothing keeps it alive"
    )


@pytest.mark.parametrize(
    ("rule", "risk", "fail_on", "command"),
    [
        ("TL201", Risk.MEDIUM, "medium", "error"),  # the default gate fails the job on it
        ("TL201", Risk.MEDIUM, "high", "warning"),
        ("TL103", Risk.HIGH, "high", "error"),
        ("TL103", Risk.HIGH, "none", "warning"),
        ("TL001", Risk.LOW, "medium", "warning"),
        ("TL001", Risk.LOW, "low", "error"),
    ],
)
def test_command_says_whether_the_finding_fails_the_gate(rule: str, risk: Risk, fail_on: str,
                                                         command: str) -> None:
    line = finding_annotation(make_finding(rule=rule, risk=risk), fail_on)
    assert line.startswith(f"::{command} file=")


def test_a_structured_spawn_never_fails_the_gate() -> None:
    line = finding_annotation(make_finding(rule="TL001", risk=Risk.LOW, structured=True), "low")
    assert line.startswith("::warning file=")


def test_escaping_follows_actions_toolkit() -> None:
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_properties_and_message_are_escaped_in_the_annotation() -> None:
    finding = make_finding(path="odd,dir/we:ird%.py", message="50% leak:\nsecond line")
    line = finding_annotation(finding, "medium")
    assert line.startswith("::error file=odd%2Cdir/we%3Aird%25.py,line=10,")
    assert line.endswith("::50%25 leak:%0Asecond line")
    assert "\n" not in line


def test_fix_is_mentioned_on_a_second_line() -> None:
    line = finding_annotation(make_finding(fix=TRACKED_SET_FIX), "medium")
    assert line.endswith("nothing keeps it alive%0AFix (safe): keep the task in a self-pruning set")


def test_render_sorts_findings_and_reports_skipped_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = RunResult(
        [make_finding(path="b.py", line=1), make_finding(path="a.py", line=7)],
        [Skipped("broken.py", "syntax error, line 3", 3)],
        files_scanned=3, files_parsed=3,
    )
    lines = render_github(result, "medium").splitlines()
    assert [line.split(",")[0] for line in lines] == [
        "::error file=a.py", "::error file=b.py", "::warning file=broken.py",
    ]
    assert lines[2] == "::warning file=broken.py,line=3,title=taskleak%3A file skipped::" \
        "syntax error, line 3"
    assert render_github(RunResult([], [], 0, 0), "medium") == ""


def test_paths_relative_to_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    out = render_github(RunResult([make_finding(path="x.py")], [], 1, 1), "medium",
                        root=tmp_path)
    assert out.startswith("::error file=sub/x.py,")
